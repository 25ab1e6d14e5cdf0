import { useEffect, useState } from 'react';
import { client } from '../../ui/client';

/**
 * Counts uploads that finished while the page is open. Pages pass it as a refresh signal so
 * row counts, sizes, tables and variables catch up with what was just uploaded.
 */
export function useUploadsFinished(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    // Job updates repeat; count each finished upload once.
    const counted = new Set<string>();
    return client().on('jobs.updated', (job) => {
      if (job.kind !== 'upload' || job.status !== 'succeeded' || counted.has(job.id)) return;
      counted.add(job.id);
      setCount((n) => n + 1);
    });
  }, []);
  return count;
}
