import { BatchAssembly } from './batchAssembly';
import { filterRows } from './localFilter';
import { PreviewRows } from './previewRows';
import { sortPermutation } from './sortRows';
import type { ViewWorkerRequest, ViewWorkerResponse } from './viewWorkerProtocol';

/**
 * Sorts and filters loaded rows off the main thread: it keeps its own copy of each preview's
 * Arrow batches (sent as they arrive), so a sort of a million rows never freezes the window.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ViewWorkerRequest>) => void) | null;
  postMessage(message: ViewWorkerResponse, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const previews = new Map<string, { rows: PreviewRows; assembly: BatchAssembly }>();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'append') {
    let preview = previews.get(message.previewId);
    if (!preview) {
      preview = { rows: new PreviewRows(), assembly: new BatchAssembly() };
      previews.set(message.previewId, preview);
    }
    const whole = preview.assembly.add(message.ipc, message.part);
    if (whole) preview.rows.append(whole);
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
