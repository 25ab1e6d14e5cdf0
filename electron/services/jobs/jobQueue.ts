import { randomUUID } from 'node:crypto';
import type { Job } from '../../../shared/contract/jobModel';
import { AppFailure, appError, fail, type AppError } from '../../../shared/contract/errors';
import { ProgressMeter } from './progressMeter';

export interface JobProgress {
  bytesDone?: number;
  bytesTotal?: number;
  rowsDone?: number;
  rowsTotal?: number;
  phase?: string;
}

export interface JobContext {
  signal: AbortSignal;
  progress(update: JobProgress): void;
}

export interface JobSpec {
  kind: Job['kind'];
  title: string;
  /** Does the work; resolves with the output path (if any). Must honour `signal`. */
  run(context: JobContext): Promise<string | undefined>;
  /** Removes partial output after a failure or cancel. */
  cleanup?(): Promise<void>;
}

interface Entry {
  job: Job;
  spec: JobSpec;
  controller?: AbortController;
  meter: ProgressMeter;
}

/**
 * Owns every job: runs at most `concurrency` at once, throttles progress events, and makes
 * cancel and failure leave nothing half-done (each job's cleanup runs). Jobs live in the Node
 * side, so they survive a renderer reload; the renderer re-reads them with `list`.
 */
export class JobQueue {
  private readonly entries = new Map<string, Entry>();
  private running = 0;
  private readonly listeners = new Set<(job: Job) => void>();
  private concurrency: number;

  private readonly publish: (job: Job) => void;

  constructor(
    publish: (job: Job) => void,
    private readonly options: {
      concurrency?: number;
      progressIntervalMs?: number;
      onFinished?: (job: Job) => void;
    } = {},
  ) {
    this.concurrency = options.concurrency ?? 3;
    this.publish = (job) => {
      publish(job);
      for (const listener of this.listeners) listener(job);
    };
  }

  /** Called after every published change (for taskbar progress and similar summaries). */
  subscribe(listener: (job: Job) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Done fraction over running jobs with a known total; undefined when none is running. */
  overallProgress(): number | undefined {
    let done = 0;
    let total = 0;
    let running = 0;
    for (const { job } of this.entries.values()) {
      if (job.status !== 'running') continue;
      running++;
      if (job.bytesTotal) {
        done += job.bytesDone / job.bytesTotal;
        total += 1;
      } else if (job.rowsTotal) {
        done += job.rowsDone / job.rowsTotal;
        total += 1;
      }
    }
    if (running === 0) return undefined;
    return total === 0 ? 0 : Math.min(1, done / total);
  }

  list(): Job[] {
    return [...this.entries.values()].map((e) => ({ ...e.job })).sort((a, b) => b.startedAt - a.startedAt);
  }

  get(id: string): Job {
    return { ...this.entry(id).job };
  }

  start(spec: JobSpec): Job {
    const job: Job = {
      id: randomUUID(),
      kind: spec.kind,
      title: spec.title,
      status: 'queued',
      bytesDone: 0,
      rowsDone: 0,
      startedAt: Date.now(),
      retryable: false,
    };
    const entry: Entry = { job, spec, meter: new ProgressMeter() };
    this.entries.set(job.id, entry);
    this.publish({ ...job });
    this.pump();
    return { ...job };
  }

  cancel(id: string): void {
    const entry = this.entry(id);
    if (entry.job.status === 'queued') {
      this.finish(entry, 'cancelled');
      return;
    }
    entry.controller?.abort(new AppFailure(appError('cancelled', 'Cancelled.')));
  }

  /** Stops every queued and running job (app shutdown); each job's cleanup removes its partial output. */
  cancelAll(): void {
    for (const entry of this.entries.values()) {
      if (entry.job.status === 'queued' || entry.job.status === 'running') this.cancel(entry.job.id);
    }
  }

  retry(id: string): Job {
    const entry = this.entry(id);
    if (entry.job.status !== 'failed' && entry.job.status !== 'cancelled') {
      fail('invalid_request', 'Only a failed or cancelled job can be retried.');
    }
    this.entries.delete(id);
    return this.start(entry.spec);
  }

  dismiss(id: string): void {
    const entry = this.entry(id);
    if (entry.job.status === 'running' || entry.job.status === 'queued') {
      fail('invalid_request', 'Cancel the job before dismissing it.');
    }
    this.entries.delete(id);
  }

  /** Waits for a job to end (tests, and callers that chain work). */
  async settled(id: string): Promise<Job> {
    for (;;) {
      const job = this.get(id);
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) return fail('not_found', 'That job no longer exists.');
    return entry;
  }

  /**
   * Changes how many jobs run at once. A higher limit starts waiting jobs now; a lower one
   * lets running jobs finish and starts no more until fewer than the limit run.
   */
  setConcurrency(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) fail('bad_input', 'At least one job must be able to run.');
    this.concurrency = limit;
    this.pump();
  }

  private pump(): void {
    for (const entry of this.entries.values()) {
      if (this.running >= this.concurrency) return;
      if (entry.job.status === 'queued') void this.execute(entry);
    }
  }

  private async execute(entry: Entry): Promise<void> {
    this.running++;
    const controller = new AbortController();
    entry.controller = controller;
    entry.job.status = 'running';
    entry.job.startedAt = Date.now();
    this.publish({ ...entry.job });
    let lastPublished = 0;
    // An update that comes too soon after the last one is published when the interval is up,
    // so the panel never stays behind (a job that goes quiet still shows where it stopped).
    let pending: ReturnType<typeof setTimeout> | undefined;
    const interval = this.options.progressIntervalMs ?? 250;
    const publishProgress = () => {
      pending = undefined;
      if (entry.job.status !== 'running') return;
      lastPublished = Date.now();
      this.publish({ ...entry.job });
    };
    const progress = (update: JobProgress) => {
      Object.assign(entry.job, stripUndefined(update));
      entry.job.rate = entry.meter.sample(entry.job.bytesDone, Date.now(), entry.job.rowsDone);
      entry.job.secondsLeft = entry.meter.secondsLeft(entry.job);
      const wait = lastPublished + interval - Date.now();
      if (wait <= 0) publishProgress();
      else pending ??= setTimeout(publishProgress, wait);
    };
    try {
      const output = await entry.spec.run({ signal: controller.signal, progress });
      if (controller.signal.aborted) throw controller.signal.reason;
      entry.job.output = output;
      this.finish(entry, 'succeeded');
    } catch (error) {
      const appErr = toAppError(error, controller.signal.aborted);
      await entry.spec.cleanup?.().catch(() => undefined);
      if (appErr.code === 'cancelled') this.finish(entry, 'cancelled');
      else this.finish(entry, 'failed', appErr);
    } finally {
      clearTimeout(pending);
      this.running--;
      this.pump();
    }
  }

  private finish(entry: Entry, status: Job['status'], error?: AppError): void {
    entry.job.status = status;
    entry.job.finishedAt = Date.now();
    entry.job.error = error;
    entry.job.retryable = status === 'cancelled' || (status === 'failed' && retryCanHelp(error));
    entry.job.rate = undefined;
    entry.job.secondsLeft = undefined;
    this.publish({ ...entry.job });
    this.options.onFinished?.({ ...entry.job });
  }
}

/**
 * Failures that running the same job again cannot fix (a format the server does not make, a
 * table that is gone, no access) offer no Retry; anything passing (network, server, disk, a
 * name taken, a session to renew) does.
 */
const lastingFailures = new Set<AppError['code']>([
  'bad_input',
  'invalid_request',
  'not_found',
  'forbidden',
  'insufficient_scope',
]);

function retryCanHelp(error: AppError | undefined): boolean {
  if (!error) return true;
  if (error.action === 'retry') return true;
  return !lastingFailures.has(error.code);
}

function toAppError(error: unknown, aborted: boolean): AppError {
  if (error instanceof AppFailure) return error.appError;
  if (aborted) return appError('cancelled', 'Cancelled.');
  return appError('internal', 'The job stopped unexpectedly.', {
    detail: error instanceof Error ? error.message : String(error),
    action: 'retry',
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
