import type { QueryRun } from '../../../shared/contract/queryModel';

function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The one line under the editor that says where a run stands, in plain words. */
export function queryStatusText(run: QueryRun, now: number): string {
  const elapsed = (run.finishedAt ?? now) - run.startedAt;
  switch (run.status) {
    case 'submitting':
      return 'Sending the query to Redivis…';
    case 'queued':
      return `Queued on Redivis (it runs up to 5 queries per person at a time) · ${seconds(elapsed)}`;
    case 'running':
      return `Running on Redivis · ${seconds(elapsed)}`;
    case 'completed': {
      const rows = run.outputNumRows ?? 0;
      const size = run.outputNumBytes === undefined ? '' : ` · ${bytes(run.outputNumBytes)}`;
      return `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}${size} · ran in ${seconds(elapsed)}`;
    }
    case 'failed': {
      const where = run.errorPosition
        ? ` (line ${run.errorPosition.line}, column ${run.errorPosition.column})`
        : '';
      return `The query failed${where}: ${run.error?.message ?? 'no reason given.'}`;
    }
    case 'cancelled':
      return run.error?.message ?? 'Stopped waiting. Redivis may still finish this query.';
  }
}

export function isActive(run: QueryRun | undefined): boolean {
  return run?.status === 'submitting' || run?.status === 'queued' || run?.status === 'running';
}

export { bytes as formatBytes };
