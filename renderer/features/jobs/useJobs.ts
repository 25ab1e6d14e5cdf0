import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/contract/jobModel';
import { client } from '../../ui/client';

/**
 * Every job the Node side holds, newest first. Jobs outlive the window, so the list is read
 * on mount (after a reload too) and then kept current from `jobs.updated` / `jobs.removed`.
 */
export function useJobs(): Job[] {
  const [jobs, setJobs] = useState<Record<string, Job>>({});
  useEffect(() => {
    let live = true;
    const offUpdated = client().on('jobs.updated', (job) =>
      setJobs((known) => ({ ...known, [job.id]: job })),
    );
    const offRemoved = client().on('jobs.removed', ({ id }) =>
      setJobs((known) => {
        const rest = { ...known };
        delete rest[id];
        return rest;
      }),
    );
    void client()
      .jobs.list()
      .then((listed) => {
        // Events that arrived while listing are newer than the list: keep them.
        if (live) setJobs((known) => ({ ...Object.fromEntries(listed.map((j) => [j.id, j])), ...known }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
      offUpdated();
      offRemoved();
    };
  }, []);
  return Object.values(jobs).sort((a, b) => b.startedAt - a.startedAt);
}
