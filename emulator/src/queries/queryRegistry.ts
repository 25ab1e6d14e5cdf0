/**
 * Submitting and tracking queries: a query is admitted by the per-user scheduler, waits out any
 * injected slowdown, runs on the SQL engine in the background and ends `completed` or `failed`.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { EmulatorDeps } from '../http/routeModule.js';
import { runQuery } from '../sql/runQuery.js';
import { SqlEngineClosing } from '../sql/engine.js';
import { SqlError } from '../sql/sqlError.js';
import type { Translation } from '../sql/translate.js';
import type { QueryRecord } from './queryRecord.js';
import { viewDefinitions, type PreparedView } from './queryReferences.js';
import { QueryScheduler } from './queryScheduler.js';

interface Registry {
  queries: Map<string, QueryRecord>;
  scheduler: QueryScheduler;
  /** Aborted when the server closes: waiting queries stop waiting. */
  closing: AbortController;
}

const registries = new WeakMap<EmulatorDeps, Registry>();

function registryOf(deps: EmulatorDeps): Registry {
  let registry = registries.get(deps);
  if (!registry) {
    registry = { queries: new Map(), scheduler: new QueryScheduler(), closing: new AbortController() };
    registries.set(deps, registry);
  }
  return registry;
}

export function findQuery(deps: EmulatorDeps, id: string): QueryRecord | undefined {
  return registryOf(deps).queries.get(id);
}

function newRecord(deps: EmulatorDeps, user: string, query: string): QueryRecord {
  return {
    id: `${randomBytes(2).toString('hex')}-${randomBytes(5).toString('hex')}`,
    createdBy: user,
    query,
    createdAt: deps.now(),
    startedAt: null,
    completedAt: null,
    status: 'queued',
    errorMessage: null,
    output: null,
    finished: Promise.resolve(),
  };
}

function fail(deps: EmulatorDeps, record: QueryRecord, message: string): void {
  record.status = 'failed';
  record.errorMessage = message;
  record.completedAt = deps.now();
}

/** A query that failed before it could run (it could not be translated). */
export function failedQuery(deps: EmulatorDeps, user: string, query: string, message: string): QueryRecord {
  const record = newRecord(deps, user, query);
  record.startedAt = record.createdAt;
  fail(deps, record, message);
  registryOf(deps).queries.set(record.id, record);
  return record;
}

export function submitQuery(
  deps: EmulatorDeps,
  user: string,
  query: string,
  translation: Translation,
  views: PreparedView[],
): QueryRecord {
  const { queries, scheduler, closing } = registryOf(deps);
  const record = newRecord(deps, user, query);
  const slot = scheduler.admit(user);
  if (slot.started) {
    record.status = 'running';
    record.startedAt = record.createdAt;
  }
  record.finished = (async () => {
    await slot.admitted;
    try {
      record.status = 'running';
      record.startedAt ??= deps.now();
      const slowdown = deps.faults.takeQueryDelay();
      if (slowdown > 0) await delay(slowdown, undefined, { signal: closing.signal });
      if (closing.signal.aborted) throw new SqlEngineClosing();
      const injected = deps.faults.takeQueryFailure();
      if (injected) {
        fail(deps, record, injected);
        return;
      }
      const dataDir = deps.store.dataDir;
      const output = await runQuery(dataDir, query, translation, await viewDefinitions(dataDir, views));
      record.output = output;
      record.status = 'completed';
      record.completedAt = deps.now();
    } catch (error) {
      // What fails because the server is closing is expected there, not worth a log line.
      const expected =
        error instanceof SqlError || error instanceof SqlEngineClosing || closing.signal.aborted;
      if (!expected) console.error('[emulator] query failed', error);
      fail(deps, record, error instanceof Error ? error.message : String(error));
    } finally {
      scheduler.release(user);
    }
  })();
  queries.set(record.id, record);
  return record;
}

/** On close: waiting queries give up, and every query has ended when this resolves. */
export async function settleQueries(deps: EmulatorDeps): Promise<void> {
  const { queries, closing } = registryOf(deps);
  closing.abort();
  await Promise.allSettled([...queries.values()].map((record) => record.finished));
}
