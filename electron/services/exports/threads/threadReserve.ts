import type { Worker } from 'node:worker_threads';
import { THREAD_READY } from './exportThread';
import { startExportWorker, type WorkerName } from './workerLauncher';

/**
 * How long a prepared thread waits for its export before it is let go: each holds some 20–40 MB
 * (its heap and, for Parquet, the encoder's WebAssembly).
 */
export const SPARE_IDLE_MS = 60_000;

interface Spare {
  worker: Worker;
  /** Resolves once the thread's modules are loaded; rejects if it died first. */
  ready: Promise<void>;
  /** Set once it is loaded: from then on it waits `idleMs` for an export. */
  expiry: NodeJS.Timeout | undefined;
  /** Drops the spare if it fails or exits while nobody holds it. */
  lost: (error?: unknown) => void;
}

/**
 * Threads of one kind. A `variant` is handed to the thread when it starts (exportThread.ts),
 * for what it prepares before it is taken (a download thread: its format's writer threads); only
 * a thread of the same variant is taken for it.
 */
export interface ThreadKind {
  name: WorkerName;
  variant?: string;
}

const spares = new Map<string, Spare[]>();

function kindOf(kind: WorkerName | ThreadKind): ThreadKind {
  return typeof kind === 'string' ? { name: kind } : kind;
}

function spareList(kind: ThreadKind): Spare[] {
  const key = `${kind.name}:${kind.variant ?? ''}`;
  let list = spares.get(key);
  if (!list) spares.set(key, (list = []));
  return list;
}

function bootSpare(kind: ThreadKind, idleMs = SPARE_IDLE_MS): Spare {
  const list = spareList(kind);
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be waiting yet: a thread that dies before it is taken is no unhandled rejection.
  ready.catch(() => undefined);
  const spare: Spare = {
    worker: undefined as unknown as Worker,
    ready,
    expiry: undefined,
    lost: (error?: unknown) => {
      remove(list, spare);
      clearTimeout(spare.expiry);
      settle?.reject(error instanceof Error ? error : new Error('An export thread stopped while starting.'));
    },
  };
  list.push(spare);
  void Promise.resolve()
    .then(() => startExportWorker(kind.name, kind.variant))
    .then(
      (worker) => {
        spare.worker = worker;
        // An idle spare must not keep the process alive; a taken one does.
        worker.unref();
        worker.once('message', (message) => {
          if (message !== THREAD_READY) {
            spare.lost(new Error(`An export thread said ${String(message)} before it was set up.`));
            return;
          }
          settle?.resolve();
          // Still unclaimed: it waits a while for its export, then is let go.
          if (list.includes(spare)) {
            spare.expiry = setTimeout(() => {
              remove(list, spare);
              void worker.terminate();
            }, idleMs).unref();
          }
        });
        worker.on('error', spare.lost);
        worker.on('exit', spare.lost);
      },
      (error: unknown) => spare.lost(error),
    );
  return spare;
}

function remove(list: Spare[], spare: Spare): void {
  const at = list.indexOf(spare);
  if (at >= 0) list.splice(at, 1);
}

/**
 * Starts threads of a kind ahead of an export, so it does not wait for them: a thread takes
 * 0.2–0.7 s to load its modules (and Parquet's WebAssembly encoder), most of a small export.
 * Tops the spares of that kind up to `count`; resolves once they are all loaded. A spare nobody
 * takes within `idleMs` is stopped.
 */
export async function prepareWorkers(
  kind: WorkerName | ThreadKind,
  count: number,
  idleMs = SPARE_IDLE_MS,
): Promise<void> {
  const list = spareList(kindOf(kind));
  while (list.length < count) bootSpare(kindOf(kind), idleMs);
  await Promise.all(list.slice(0, count).map((spare) => spare.ready.catch(() => undefined)));
}

/**
 * A loaded thread of that kind, a prepared one when there is one and a new one otherwise, given
 * its `setup` as its first message (exportThread.ts).
 */
export async function takeWorker(kind: WorkerName | ThreadKind, setup: unknown): Promise<Worker> {
  const list = spareList(kindOf(kind));
  const spare = list.shift() ?? bootSpare(kindOf(kind));
  remove(list, spare);
  clearTimeout(spare.expiry);
  await spare.ready;
  const { worker } = spare;
  worker.off('error', spare.lost);
  worker.off('exit', spare.lost);
  worker.ref();
  worker.postMessage(setup);
  return worker;
}

/** Spares of each kind waiting now (for tests and diagnostics). */
export function spareCount(kind: WorkerName | ThreadKind): number {
  return spareList(kindOf(kind)).length;
}
