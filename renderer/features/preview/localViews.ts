import type { SortingState } from '@tanstack/react-table';
import type { ViewFilter } from '../../../shared/contract/tableViewModel';
import type { BatchPart } from './batchAssembly';
import type { ViewWorkerRequest, ViewWorkerResponse } from './viewWorkerProtocol';

let worker: Worker | undefined;
let nextRequest = 1;
const waiting = new Map<number, { resolve(order: Uint32Array): void; reject(error: Error): void }>();
const synced = new Map<number, () => void>();

export interface BatchReceiver {
  batch(ipc: Uint8Array): void;
  failed(message: string): void;
}
const receivers = new Map<string, BatchReceiver>();

function answered(answer: ViewWorkerResponse): void {
  if (answer.type === 'batch') return receivers.get(answer.previewId)?.batch(answer.ipc);
  if (answer.type === 'batchFailed') return receivers.get(answer.previewId)?.failed(answer.message);
  if (answer.type === 'synced') {
    synced.get(answer.requestId)?.();
    synced.delete(answer.requestId);
    return;
  }
  const pending = waiting.get(answer.requestId);
  if (!pending) return;
  waiting.delete(answer.requestId);
  if (answer.type === 'applied') pending.resolve(answer.order);
  else pending.reject(new Error(answer.message));
}

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./localView.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ViewWorkerResponse>) => answered(event.data);
  }
  return worker;
}

function post(message: ViewWorkerRequest, transfer: Transferable[] = []): void {
  theWorker().postMessage(message, transfer);
}

/**
 * The worker beside the page's main thread. Every batch of a preview passes through it: it
 * joins a batch's parts (allocating and filling the large buffers there, not in the window's
 * thread) and hands the whole IPC stream back, moved, not copied. When the rows will be the
 * whole table it keeps its own copy too, and a local sort or filter there answers with the
 * display order, while the grid keeps reading the page's rows.
 */
export const localViews = {
  /** Where a preview's whole batches go, in the order its events came. */
  receive(previewId: string, receiver: BatchReceiver): void {
    receivers.set(previewId, receiver);
  },
  /** Moves one event's bytes to the worker (the message the transport received is not reused). */
  append(previewId: string, ipc: Uint8Array, part: BatchPart | undefined, mirror: boolean): void {
    post({ type: 'append', previewId, ipc, part, mirror }, [ipc.buffer]);
  },
  /** Resolves once every batch sent so far came back. */
  sync(previewId: string): Promise<void> {
    const requestId = nextRequest++;
    return new Promise((resolve) => {
      synced.set(requestId, resolve);
      post({ type: 'sync', previewId, requestId });
    });
  },
  drop(previewId: string): void {
    receivers.delete(previewId);
    if (worker) post({ type: 'drop', previewId });
  },
  apply(previewId: string, sorting: SortingState, filters: ViewFilter[]): Promise<Uint32Array> {
    const requestId = nextRequest++;
    return new Promise((resolve, reject) => {
      waiting.set(requestId, { resolve, reject });
      post({ type: 'apply', previewId, requestId, sorting, filters });
    });
  },
};
