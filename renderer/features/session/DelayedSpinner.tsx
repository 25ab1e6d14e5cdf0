import { useDelayed } from '../../app/useDelayed';

/** A spinner that appears only when waiting lasts longer than ~300 ms, so quick steps don't flicker. */
export function DelayedSpinner({ label }: { label: string }) {
  const visible = useDelayed(true, 300);
  if (!visible) return null;
  return <span className="spinner" role="progressbar" aria-label={label} />;
}
