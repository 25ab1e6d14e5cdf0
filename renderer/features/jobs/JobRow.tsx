import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Job } from '../../../shared/contract/jobModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { jobFraction, jobNumbers, kindText, statusText } from './jobText';

/** One job: what it is, how far along, and what can be done with it now. */
export function JobRow({ job }: { job: Job }) {
  const [actionError, setActionError] = useState<AppError>();
  const act = (action: () => Promise<unknown>) => () => {
    setActionError(undefined);
    void action().catch((error: unknown) => setActionError(toAppError(error)));
  };
  const jobs = client().jobs;
  const fraction = jobFraction(job);
  const active = job.status === 'running' || job.status === 'queued';
  const numbers = jobNumbers(job);
  const error = job.error ?? actionError;
  return (
    <li className={`job-row job-${job.status}`} aria-label={`${kindText[job.kind]}: ${job.title}`}>
      <div className="job-heading">
        <span className="job-title">{job.title}</span>
        <span className="job-status" data-testid="job-status">
          {statusText[job.status]}
        </span>
      </div>
      {active ? (
        <div
          className="job-bar"
          role="progressbar"
          aria-label={`Progress of ${job.title}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fraction === undefined ? undefined : Math.round(fraction * 100)}
        >
          <span
            className={fraction === undefined ? 'job-bar-fill indeterminate' : 'job-bar-fill'}
            style={{ width: `${Math.round((fraction ?? 0.3) * 100)}%` }}
          />
        </div>
      ) : null}
      <div className="job-details muted">
        {kindText[job.kind]}
        {job.phase && active ? ` · ${job.phase}` : ''}
        {numbers ? ` · ${numbers}` : ''}
      </div>
      {job.output && job.status === 'succeeded' ? (
        <div className="job-output muted" title={job.output}>
          {job.output}
        </div>
      ) : null}
      {error && job.status !== 'cancelled' ? (
        <div className="job-error" role="alert">
          <span>{error.message}</span>
          {error.detail ? (
            <details>
              <summary>Details</summary>
              <span className="muted">{error.detail}</span>
            </details>
          ) : null}
        </div>
      ) : null}
      <div className="job-actions">
        {active ? (
          <button
            type="button"
            onClick={act(() => jobs.cancel({ id: job.id }))}
            aria-label={`Cancel ${job.title}`}
          >
            Cancel
          </button>
        ) : null}
        {job.status === 'succeeded' && job.output ? (
          <>
            <button
              type="button"
              onClick={act(() => jobs.open({ id: job.id }))}
              aria-label={`Open ${job.title}`}
            >
              Open
            </button>
            <button
              type="button"
              onClick={act(() => jobs.showInFolder({ id: job.id }))}
              aria-label={`Show ${job.title} in folder`}
            >
              Show in folder
            </button>
          </>
        ) : null}
        {job.retryable ? (
          <button
            type="button"
            onClick={act(() => jobs.retry({ id: job.id }))}
            aria-label={`Retry ${job.title}`}
          >
            Retry
          </button>
        ) : null}
        {!active ? (
          <button
            type="button"
            className="link"
            onClick={act(() => jobs.dismiss({ id: job.id }))}
            aria-label={`Dismiss ${job.title}`}
          >
            Dismiss
          </button>
        ) : null}
      </div>
    </li>
  );
}
