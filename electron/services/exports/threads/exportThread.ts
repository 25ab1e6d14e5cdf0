import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { yieldToAppThreads } from './threadPriority';
import { useBundledWorkers, type ExportThreadData } from './workerLauncher';

/** What every export thread says once its modules (and the encoder's WebAssembly) are loaded. */
export const THREAD_READY = 'export-thread-ready';

/**
 * How an export thread runs. A thread may be started before any export needs it (see
 * threadReserve.ts), so it learns what to write from its first message, not from `workerData`:
 * it lowers its priority (unless told not to: a download thread feeds the others, see
 * downloadWorker.ts), runs `warmUp` (work it can do before knowing the export, given the variant
 * it was started as), says it is ready, turns the first message into the handler of every later
 * one (given the port to answer on), and hands them over in order.
 */
export function serveExportThread<Setup, Message>(
  setUp: (setup: Setup, port: MessagePort) => (message: Message) => void,
  warmUp?: (variant: string | undefined) => void | Promise<void>,
  { lowerPriority = true }: { lowerPriority?: boolean } = {},
): void {
  const port = parentPort;
  if (!port) throw new Error('An export thread must run in a worker thread.');
  const data = workerData as ExportThreadData | undefined;
  // Threads this one starts are started from the same built files.
  useBundledWorkers(data?.bundledWorkers ?? {});
  if (lowerPriority) yieldToAppThreads();
  let handle: ((message: Message) => void) | undefined;
  const serve = () => {
    port.on('message', (message: unknown) => {
      if (handle) handle(message as Message);
      else handle = setUp(message as Setup, port);
    });
    port.postMessage(THREAD_READY);
  };
  const warming = warmUp?.(data?.variant);
  if (warming) {
    // A warm-up that fails leaves a thread that works all the same, only slower to start.
    void warming.catch(() => undefined).then(serve);
  } else serve();
}
