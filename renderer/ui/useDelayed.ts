import { useEffect, useState } from 'react';

/** True once `active` has stayed true for ~300 ms, so quick loads don't flash a spinner. */
export function useDelayed(active: boolean, delayMs = 300): boolean {
  const [shownFor, setShownFor] = useState<boolean>(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setShownFor(true), delayMs);
    return () => {
      clearTimeout(timer);
      setShownFor(false);
    };
  }, [active, delayMs]);
  return active && shownFor;
}
