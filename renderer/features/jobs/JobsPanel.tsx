import { useEffect, useRef } from 'react';
import type { Job } from '../../../shared/contract/jobModel';
import { JobRow } from './JobRow';
import { useJobsView } from './jobsStore';

/** Every download, export and upload, newest first; Escape closes it. */
export function JobsPanel({ jobs }: { jobs: Job[] }) {
  const close = useJobsView((state) => state.closePanel);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  return (
    <section
      ref={panel}
      className="jobs-panel"
      role="dialog"
      aria-label="Jobs"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <header className="jobs-panel-header">
        <h2>Jobs</h2>
        <button type="button" className="link" onClick={close} aria-label="Close jobs">
          ×
        </button>
      </header>
      {jobs.length === 0 ? (
        <p className="empty-state">No downloads, exports or uploads yet.</p>
      ) : (
        <ul className="jobs-list">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}
