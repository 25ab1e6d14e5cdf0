import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/contract/jobModel';
import type { UploadFinished } from '../../../shared/contract/uploadModel';
import { client } from '../../ui/client';
import { UploadJobRow } from './UploadJobRow';
import { useUploads } from './uploadsStore';
import './uploads.css';

/**
 * The uploads started from this window, with their progress and results. They are ordinary
 * jobs (the jobs panel lists them too); this panel adds what an upload added to its table.
 */
export function UploadsPanel() {
  const jobIds = useUploads((state) => state.jobIds);
  const started = useUploads((state) => state.started);
  const forget = useUploads((state) => state.forget);
  const [jobs, setJobs] = useState<Record<string, Job>>({});
  const [finished, setFinished] = useState<Record<string, UploadFinished>>({});
  const [collapsed, setCollapsed] = useState(false);

  useEffect(() => {
    const offUpdated = client().on('jobs.updated', (job) => {
      if (job.kind === 'upload') setJobs((known) => ({ ...known, [job.id]: job }));
    });
    const offFinished = client().on('uploads.finished', (event) =>
      setFinished((known) => ({ ...known, [event.jobId]: event })),
    );
    return () => {
      offUpdated();
      offFinished();
    };
  }, []);

  const shown = jobIds.map((id) => jobs[id]).filter((job): job is Job => job !== undefined);
  if (shown.length === 0) return null;
  const done = shown.filter((job) => job.status !== 'queued' && job.status !== 'running');
  const dismiss = (job: Job) => {
    forget(job.id);
    void client()
      .jobs.dismiss({ id: job.id })
      .catch(() => undefined);
  };
  return (
    <section className={collapsed ? 'uploads-panel collapsed' : 'uploads-panel'} aria-label="Uploads">
      <div className="uploads-panel-head">
        <h2>
          Uploads{' '}
          <span className="muted">
            {shown.length - done.length} running · {done.length} finished
          </span>
        </h2>
        {done.length > 0 ? (
          <button type="button" onClick={() => done.forEach(dismiss)}>
            Clear finished
          </button>
        ) : null}
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-controls="uploads-panel-list"
          onClick={() => setCollapsed((value) => !value)}
        >
          {collapsed ? 'Show uploads' : 'Hide uploads'}
        </button>
      </div>
      <ul id="uploads-panel-list" hidden={collapsed}>
        {shown.map((job) => (
          <UploadJobRow
            key={job.id}
            job={job}
            finished={finished[job.id]}
            onRetry={() =>
              void client()
                .jobs.retry({ id: job.id })
                .then((next) => {
                  // A retried job comes back under a new id: follow it in place of the old one.
                  forget(job.id);
                  started([next.id]);
                  setJobs((known) => ({ ...known, [next.id]: next }));
                })
                .catch(() => undefined)
            }
            onForget={() => dismiss(job)}
          />
        ))}
      </ul>
    </section>
  );
}
