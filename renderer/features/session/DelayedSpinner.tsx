import { useEffect, useState } from 'react';

/** A spinner that appears only when waiting lasts longer than ~300 ms, so quick steps don't flicker. */
export function DelayedSpinner({ label }: { label: string }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), 300);
    return () => clearTimeout(timer);
  }, []);
  if (!visible) return null;
  return (
    <span className="spinner" role="progressbar" aria-label={label}>
      <span className="spinner-dot" aria-hidden="true" />
    </span>
  );
}
