/**
 * Statistics are computed on demand and remembered per (rows, variable): a table whose uploads
 * change gets new statistics, an unchanged one is computed once per server run. Each job goes
 * queued → running → completed (or failed), the statuses Redivis reports for statistics.
 */
import type { VariableRecord } from '../store/model.js';
import type { RowSource } from '../store/tableSources.js';
import { computeStatistics, type ComputedStatistics } from './computeStatistics.js';
import { SqlEngineClosing } from '../sql/engine.js';

export type StatisticsStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface StatisticsJob {
  status: StatisticsStatus;
  result: ComputedStatistics | null;
  errorMessage: string | null;
  finished: Promise<void>;
}

const jobs = new Map<string, StatisticsJob>();

function keyOf(dataDir: string, sources: readonly RowSource[], variable: VariableRecord): string {
  const files = sources.map((s) => s.segment.file).join('|');
  return `${dataDir}\n${files}\n${variable.name.toLowerCase()}\n${variable.type}`;
}

export function statisticsJob(
  dataDir: string,
  sources: readonly RowSource[],
  variables: readonly VariableRecord[],
  variable: VariableRecord,
): StatisticsJob {
  const key = keyOf(dataDir, sources, variable);
  const existing = jobs.get(key);
  if (existing && existing.status !== 'failed') return existing;
  const job: StatisticsJob = {
    status: 'queued',
    result: null,
    errorMessage: null,
    finished: Promise.resolve(),
  };
  job.finished = computeStatistics(dataDir, sources, variables, variable, () => {
    job.status = 'running';
  }).then(
    (result) => {
      job.result = result;
      job.status = 'completed';
    },
    (error: unknown) => {
      if (!(error instanceof SqlEngineClosing)) console.error('[emulator] statistics failed', error);
      job.errorMessage = error instanceof Error ? error.message : String(error);
      job.status = 'failed';
    },
  );
  jobs.set(key, job);
  return job;
}

/** On close: every statistics job of the data directory has ended when this resolves. */
export async function settleStatistics(dataDir: string): Promise<void> {
  const running = [...jobs.entries()].filter(([key]) => key.startsWith(`${dataDir}\n`));
  await Promise.allSettled(running.map(([, job]) => job.finished));
}
