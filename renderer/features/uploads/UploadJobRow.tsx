import type { Job } from '../../../shared/contract/jobModel';
import type { UploadFinished } from '../../../shared/contract/uploadModel';
import { client } from '../../ui/client';
import { ErrorNotice } from './ErrorNotice';
import { formatBytes } from './uploadPlan';

function percent(job: Job): number | undefined {
  if (job.status === 'succeeded') return 100;
  if (!job.bytesTotal) return undefined;
  return Math.min(100, Math.round((job.bytesDone / job.bytesTotal) * 100));
}

function outcomeText(job: Job, finished?: UploadFinished): string | undefined {
  if (!finished || finished.status === 'skipped') return job.phase;
  const parts = [job.phase];
  if (finished.tableNumRows !== undefined) {
    const table = finished.tableRef.split('.').pop() ?? finished.tableRef;
    parts.push(`${table} now has ${finished.tableNumRows.toLocaleString('en-US')} rows.`);
  }
  return parts.filter(Boolean).join('. ');
}

/** One upload: progress by bytes, then the server's processing, then what it added. */
export function UploadJobRow(props: {
  job: Job;
  finished?: UploadFinished;
  onRetry(): void;
  onForget(): void;
}) {
  const { job, finished } = props;
  const value = percent(job);
  const active = job.status === 'queued' || job.status === 'running';
  return (
    <li className={`upload-job upload-job-${job.status}`} aria-label={job.title}>
      <div className="upload-job-head">
        <span className="upload-job-title">{job.title}</span>
        {active ? (
          <button type="button" onClick={() => void client().jobs.cancel({ id: job.id })}>
            Cancel
          </button>
        ) : (
          <button type="button" aria-label={`Dismiss ${job.title}`} onClick={props.onForget}>
            Dismiss
          </button>
        )}
      </div>
      {active && (
        <progress
          max={100}
          value={value}
          aria-label={`${job.title} progress`}
          aria-valuetext={value === undefined ? job.phase : `${value}%`}
        />
      )}
      <div className="upload-job-status" role="status">
        {active && job.bytesTotal
          ? `${job.phase ?? 'Sending'} · ${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)}`
          : active
            ? (job.phase ?? 'Waiting')
            : job.status === 'succeeded'
              ? outcomeText(job, finished)
              : job.status === 'cancelled'
                ? 'Cancelled; nothing was added.'
                : undefined}
      </div>
      {job.status === 'failed' && job.error && (
        <ErrorNotice error={{ ...job.error, action: 'retry' }} onRetry={props.onRetry} />
      )}
    </li>
  );
}
