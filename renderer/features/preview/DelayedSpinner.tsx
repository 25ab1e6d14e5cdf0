import { useDelayed } from '../../app/useDelayed';

/** A spinner that appears only when waiting lasts longer than `delayMs`, so quick loads don't flash. */
export function DelayedSpinner(props: { label: string; delayMs?: number }) {
  const visible = useDelayed(true, props.delayMs ?? 300);
  if (!visible) return null;
  return (
    <div className="pv-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {props.label}
    </div>
  );
}
