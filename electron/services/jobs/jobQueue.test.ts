import { expect, it } from 'vitest';
import { AppFailure, appError } from '../../../shared/contract/errors';
import type { Job } from '../../../shared/contract/jobModel';
import { JobQueue, type JobContext } from './jobQueue';

function untilAborted(context: JobContext): Promise<string> {
  return new Promise((_, reject) =>
    context.signal.addEventListener('abort', () => reject(context.signal.reason), { once: true }),
  );
}

it('runs at most `concurrency` jobs, cancels with cleanup, and retries a cancelled job', async () => {
  const published: Job[] = [];
  const queue = new JobQueue((job) => published.push(job), { concurrency: 2, progressIntervalMs: 0 });
  const cleaned: string[] = [];
  const spec = (title: string) => ({
    kind: 'export' as const,
    title,
    run: untilAborted,
    cleanup: async () => void cleaned.push(title),
  });
  const a = queue.start(spec('a'));
  const b = queue.start(spec('b'));
  const c = queue.start(spec('c'));
  expect(
    queue
      .list()
      .map((j) => [j.title, j.status])
      .sort(),
  ).toEqual([
    ['a', 'running'],
    ['b', 'running'],
    ['c', 'queued'],
  ]);
  queue.cancel(a.id);
  expect((await queue.settled(a.id)).status).toBe('cancelled');
  expect(cleaned).toEqual(['a']);
  await expect.poll(() => queue.get(c.id).status).toBe('running');
  const again = queue.retry(a.id);
  expect(again.id).not.toBe(a.id);
  expect(queue.get(again.id).status).toBe('queued');
  for (const id of [b.id, c.id, again.id]) queue.cancel(id);
  for (const id of [b.id, c.id, again.id]) expect((await queue.settled(id)).status).toBe('cancelled');
  expect(published.some((j) => j.id === a.id && j.status === 'cancelled' && j.retryable)).toBe(true);
});

it('reports failures as data, progress with totals, and the overall fraction', async () => {
  const queue = new JobQueue(() => undefined, { progressIntervalMs: 0 });
  let release: () => void = () => undefined;
  const running = queue.start({
    kind: 'export',
    title: 'half',
    run: async ({ progress }) => {
      progress({ rowsDone: 50, rowsTotal: 100, bytesDone: 10 });
      await new Promise<void>((resolve) => (release = resolve));
      return '/tmp/out.csv';
    },
  });
  await expect.poll(() => queue.overallProgress()).toBe(0.5);
  const failed = queue.start({
    kind: 'export',
    title: 'broken',
    run: async () => {
      throw new AppFailure(appError('forbidden', 'No data access.'));
    },
  });
  const failure = await queue.settled(failed.id);
  expect(failure.status).toBe('failed');
  expect(failure.error?.message).toBe('No data access.');
  // No access is not fixed by trying again; a passing failure is.
  expect(failure.retryable).toBe(false);
  const passing = queue.start({
    kind: 'export',
    title: 'flaky',
    run: async () => {
      throw new AppFailure(appError('network', 'Could not reach the Redivis server.'));
    },
  });
  expect((await queue.settled(passing.id)).retryable).toBe(true);
  queue.dismiss(passing.id);
  release();
  const done = await queue.settled(running.id);
  expect(done.output).toBe('/tmp/out.csv');
  expect(queue.overallProgress()).toBeUndefined();
  queue.dismiss(done.id);
  expect(queue.list().map((j) => j.id)).toEqual([failed.id]);
});

it('cancels every queued and running job at shutdown, cleaning up each', async () => {
  const queue = new JobQueue(() => undefined, { concurrency: 1, progressIntervalMs: 0 });
  const cleaned: string[] = [];
  const spec = (title: string) => ({
    kind: 'upload' as const,
    title,
    run: untilAborted,
    cleanup: async () => void cleaned.push(title),
  });
  const running = queue.start(spec('running'));
  const waiting = queue.start(spec('waiting'));
  await expect.poll(() => queue.get(running.id).status).toBe('running');
  queue.cancelAll();
  expect((await queue.settled(running.id)).status).toBe('cancelled');
  expect((await queue.settled(waiting.id)).status).toBe('cancelled');
  expect(cleaned).toEqual(['running']);
});

it('publishes the latest progress once the interval is up, even when the job then goes quiet', async () => {
  const published: Job[] = [];
  const queue = new JobQueue((job) => published.push(job), { progressIntervalMs: 100 });
  let release: () => void = () => undefined;
  const job = queue.start({
    kind: 'export',
    title: 'bursty',
    run: async ({ progress }) => {
      // A burst of updates, then silence (a stalled server): the last one must still be shown.
      for (let rows = 1; rows <= 50; rows++) progress({ rowsDone: rows, rowsTotal: 100 });
      await new Promise<void>((resolve) => (release = resolve));
      return undefined;
    },
  });
  const rowsShown = () =>
    published.filter((j) => j.id === job.id && j.status === 'running').map((j) => j.rowsDone);
  await expect.poll(() => rowsShown().at(-1)).toBe(50);
  // Throttled: the first update at once, the rest folded into one.
  expect(rowsShown()).toEqual([0, 1, 50]);
  release();
  expect((await queue.settled(job.id)).status).toBe('succeeded');
  // Nothing is published for a running job after it ended.
  expect(published.at(-1)?.status).toBe('succeeded');
});

it('follows a changed concurrency limit: a lower one starts nothing new, a higher one starts waiting jobs', async () => {
  const queue = new JobQueue(() => undefined, { concurrency: 2, progressIntervalMs: 0 });
  queue.setConcurrency(1);
  const spec = (title: string) => ({ kind: 'export' as const, title, run: untilAborted });
  const a = queue.start(spec('a'));
  const b = queue.start(spec('b'));
  const c = queue.start(spec('c'));
  expect([a, b, c].map((job) => queue.get(job.id).status)).toEqual(['running', 'queued', 'queued']);
  queue.setConcurrency(3);
  expect([a, b, c].map((job) => queue.get(job.id).status)).toEqual(['running', 'running', 'running']);
  queue.setConcurrency(1);
  queue.cancel(a.id);
  queue.cancel(b.id);
  await queue.settled(b.id);
  const d = queue.start(spec('d'));
  expect(queue.get(d.id).status).toBe('queued');
  expect(() => queue.setConcurrency(0)).toThrow(AppFailure);
  queue.cancelAll();
});
