import { parentPort, type MessagePort } from 'node:worker_threads';
import { yieldToAppThreads } from './threadPriority';

/** What every export thread says once its modules (and the encoder's WebAssembly) are loaded. */
export const THREAD_READY = 'export-thread-ready';

/**
 * How an export thread runs. A thread may be started before any export needs it (see
 * threadReserve.ts), so it learns what to write from its first message, not from `workerData`:
 * it lowers its priority, runs `warmUp` (work it can do before knowing the export), says it is
 * ready, turns the first message into the handler of every later one (given the port to answer
 * on), and hands them over in order.
 */
export function serveExportThread<Setup, Message>(
  setUp: (setup: Setup, port: MessagePort) => (message: Message) => void,
  warmUp?: () => void,
): void {
  const port = parentPort;
  if (!port) throw new Error('An export thread must run in a worker thread.');
  yieldToAppThreads();
  warmUp?.();
  let handle: ((message: Message) => void) | undefined;
  port.on('message', (message: unknown) => {
    if (handle) handle(message as Message);
    else handle = setUp(message as Setup, port);
  });
  port.postMessage(THREAD_READY);
}
