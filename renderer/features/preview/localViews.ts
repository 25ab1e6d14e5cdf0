import type { SortingState } from '@tanstack/react-table';
import type { ViewFilter } from '../../../shared/contract/tableViewModel';
import type { BatchPart } from './batchAssembly';
import type { ViewWorkerRequest, ViewWorkerResponse } from './viewWorkerProtocol';

let worker: Worker | undefined;
let nextRequest = 1;
const waiting = new Map<number, { resolve(order: Uint32Array): void; reject(error: Error): void }>();

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./localView.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ViewWorkerResponse>) => {
      const answer = event.data;
      const pending = waiting.get(answer.requestId);
      if (!pending) return;
      waiting.delete(answer.requestId);
      if (answer.type === 'applied') pending.resolve(answer.order);
      else pending.reject(new Error(answer.message));
    };
  }
  return worker;
}

function post(message: ViewWorkerRequest, transfer: Transferable[] = []): void {
  theWorker().postMessage(message, transfer);
}

/**
 * The local backend of views: loaded rows are mirrored to one worker as they arrive, and a
 * sort or filter there answers with the display order, while the grid keeps reading its own
 * copy of the rows.
 */
export const localViews = {
  /**
   * A part of a batch was already copied into the page's own rows, so its buffer (the message
   * the transport received) is moved to the worker as it is; a whole batch is the page's own,
   * so the worker gets a copy of just its bytes.
   */
  append(previewId: string, ipc: Uint8Array, part?: BatchPart): void {
    const bytes = part ? ipc : ipc.slice();
    post({ type: 'append', previewId, ipc: bytes, part }, [bytes.buffer]);
  },
  drop(previewId: string): void {
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
