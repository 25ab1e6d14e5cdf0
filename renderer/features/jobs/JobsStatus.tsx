import { JobsPanel } from './JobsPanel';
import { jobFraction } from './jobText';
import { useJobsView } from './jobsStore';
import { useJobs } from './useJobs';
import './jobs.css';

/** Running downloads, exports and uploads, summarised in the status bar; opens the jobs panel. */
export function JobsStatus() {
  const jobs = useJobs();
  const open = useJobsView((state) => state.panelOpen);
  const toggle = useJobsView((state) => state.togglePanel);
  const running = jobs.filter((job) => job.status === 'running' || job.status === 'queued');
  const failed = jobs.filter((job) => job.status === 'failed').length;
  const fractions = running.map(jobFraction).filter((f): f is number => f !== undefined);
  const percent = fractions.length
    ? Math.round((fractions.reduce((a, b) => a + b, 0) / fractions.length) * 100)
    : undefined;
  let summary = 'Jobs';
  if (running.length > 0)
    summary = `${running.length} running${percent !== undefined ? ` · ${percent}%` : ''}`;
  else if (failed > 0) summary = `${failed} failed`;
  else if (jobs.length > 0) summary = `Jobs (${jobs.length})`;
  return (
    <div className="jobs-status" aria-label="Jobs">
      <button
        type="button"
        className={failed > 0 && running.length === 0 ? 'jobs-toggle has-failed' : 'jobs-toggle'}
        aria-expanded={open}
        aria-label={`Jobs: ${summary}`}
        onClick={toggle}
      >
        {summary}
      </button>
      {open ? <JobsPanel jobs={jobs} /> : null}
    </div>
  );
}
