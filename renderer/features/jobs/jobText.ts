import type { Job } from '../../../shared/contract/jobModel';

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

const count = new Intl.NumberFormat();

/** 0..1 when the job knows its total, else undefined (an indeterminate bar). */
export function jobFraction(job: Job): number | undefined {
  if (job.status === 'succeeded') return 1;
  if (job.bytesTotal) return Math.min(1, job.bytesDone / job.bytesTotal);
  if (job.rowsTotal) return Math.min(1, job.rowsDone / job.rowsTotal);
  return undefined;
}

/** One line of numbers: rows, bytes, rate and time left, whichever are known. */
export function jobNumbers(job: Job): string {
  const parts: string[] = [];
  if (job.rowsTotal !== undefined)
    parts.push(`${count.format(job.rowsDone)} of ${count.format(job.rowsTotal)} rows`);
  else if (job.rowsDone > 0) parts.push(`${count.format(job.rowsDone)} rows`);
  if (job.bytesDone > 0) {
    parts.push(
      job.bytesTotal
        ? `${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)}`
        : formatBytes(job.bytesDone),
    );
  }
  if (job.status === 'running' && job.rate) parts.push(`${formatBytes(job.rate)}/s`);
  if (job.status === 'running' && job.secondsLeft !== undefined)
    parts.push(`${formatDuration(job.secondsLeft)} left`);
  return parts.join(' · ');
}

export const statusText: Record<Job['status'], string> = {
  queued: 'Waiting',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const kindText: Record<Job['kind'], string> = {
  download: 'Download',
  export: 'Export',
  upload: 'Upload',
};
