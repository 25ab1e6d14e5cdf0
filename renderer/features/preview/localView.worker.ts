import { BatchAssembly } from './batchAssembly';
import { filterRows } from './localFilter';
import { PreviewRows } from './previewRows';
import { sortPermutation } from './sortRows';
import type { ViewWorkerRequest, ViewWorkerResponse } from './viewWorkerProtocol';

/**
 * Takes every preview batch in before the page does: joins its parts here and hands the whole
 * IPC stream back, so the page's thread never allocates or fills the large buffers. Sorts and
 * filters loaded rows off the main thread too: it keeps its own copy of the Arrow batches of a
 * preview that will hold the whole table, so a sort of a million rows never freezes the window.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ViewWorkerRequest>) => void) | null;
  postMessage(message: ViewWorkerResponse, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const previews = new Map<string, { rows: PreviewRows; assembly: BatchAssembly }>();

function previewOf(previewId: string) {
  let preview = previews.get(previewId);
  if (!preview) {
    preview = { rows: new PreviewRows(), assembly: new BatchAssembly() };
    previews.set(previewId, preview);
  }
  return preview;
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'append') {
    const { previewId } = message;
    try {
      const preview = previewOf(previewId);
      const whole = preview.assembly.add(message.ipc, message.part);
      if (!whole) return;
      if (message.mirror) preview.rows.append(whole.slice());
      scope.postMessage({ type: 'batch', previewId, ipc: whole }, [whole.buffer]);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      scope.postMessage({ type: 'batchFailed', previewId, message: text }, []);
    }
    return;
  }
  if (message.type === 'sync') {
    scope.postMessage({ type: 'synced', requestId: message.requestId }, []);
    return;
  }
  if (message.type === 'drop') {
    previews.delete(message.previewId);
    return;
  }
  const started = performance.now();
  try {
    const rows = previews.get(message.previewId)?.rows ?? new PreviewRows();
    const kept = message.filters.length > 0 ? filterRows(rows, message.filters) : undefined;
    const order = sortPermutation(rows, message.sorting, kept);
    const tookMs = performance.now() - started;
    scope.postMessage({ type: 'applied', requestId: message.requestId, order, tookMs }, [order.buffer]);
  } catch (error) {
    scope.postMessage(
      {
        type: 'failed',
        requestId: message.requestId,
        message: error instanceof Error ? error.message : String(error),
      },
      [],
    );
  }
};
