import { useEffect, useState } from 'react';

/** A spinner that appears only when waiting lasts longer than `delayMs`, so quick loads don't flash. */
export function DelayedSpinner(props: { label: string; delayMs?: number }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), props.delayMs ?? 300);
    return () => clearTimeout(timer);
  }, [props.delayMs]);
  if (!visible) return null;
  return (
    <div className="pv-loading" role="status">
      <span className="pv-spinner" aria-hidden="true" />
      {props.label}
    </div>
  );
}
