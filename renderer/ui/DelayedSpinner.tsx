import { useDelayed } from './useDelayed';
import './ui.css';

interface Props {
  /** What is being waited for: the spinner's accessible name, or its visible text with `showLabel`. */
  label: string;
  /** A status line with the label as text instead of an inline spinner named by it. */
  showLabel?: boolean;
  delayMs?: number;
}

/** A spinner that appears only when waiting lasts longer than `delayMs` (~300 ms), so quick steps don't flash. */
export function DelayedSpinner({ label, showLabel = false, delayMs = 300 }: Props) {
  const visible = useDelayed(true, delayMs);
  if (!visible) return null;
  if (!showLabel) return <span className="spinner" role="progressbar" aria-label={label} />;
  return (
    <div className="loading-line" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
