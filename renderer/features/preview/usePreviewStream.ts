import { startTransition, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import type { TableView } from '../../../shared/contract/tableViewModel';
import { frameThrottle } from './frameThrottle';
import { localViews } from './localViews';
import { createPreviewRows, dropPreviewRows, type PreviewRows } from './previewRows';

export type PreviewStatus = 'starting' | 'streaming' | 'complete' | 'cancelled' | 'failed';

export interface PreviewStream {
  previewId: string;
  rows: PreviewRows;
  status: PreviewStatus;
  rowsLoaded: number;
  /** Rows the read session will deliver (the cap or the table, whichever is smaller). */
  numRows?: number;
  /** Rows of the whole view, when Redivis sorted and filtered it. */
  viewRows?: number;
  error?: AppError;
  /** Bumped on every batch, so views of the rows re-render. */
  version: number;
}

export interface PreviewRequest {
  tableRef: string;
  maxRows: number;
  selectedVariables?: string[];
  /** Sorted and filtered on Redivis before the rows are read. */
  view?: TableView;
  /** Also hand the rows to the local view worker (when they will be the whole table). */
  mirrorToWorker?: boolean;
  /** Changing it restarts the preview. */
  attempt: number;
}

function newPreviewId(): string {
  return `preview-${crypto.randomUUID()}`;
}

/**
 * Runs one preview for as long as the component showing it is mounted: listens for its
 * batches before asking for it, keeps the rows in the module-level Arrow store, and cancels
 * the stream and frees the rows when the user leaves the table or changes the request.
 */
export function usePreviewStream(
  request: PreviewRequest | undefined,
): [PreviewStream | undefined, () => void] {
  const [stream, setStream] = useState<(PreviewStream & { key: string }) | undefined>();
  const key = request ? JSON.stringify(request) : '';
  // The running preview's id, known before its first state update (so Stop works at once).
  const runningId = useRef<string | undefined>(undefined);
  // The version on screen, and the rows update waiting for it to get there.
  const shown = useRef<{ version: number; waiting?: () => void }>({ version: 0 });

  useEffect(() => {
    if (!request) return undefined;
    const previewId = newPreviewId();
    const rows = createPreviewRows(previewId);
    runningId.current = previewId;
    shown.current = { version: 0 };
    let active = true;
    let current: PreviewStream & { key: string } = {
      key,
      previewId,
      rows,
      status: 'starting',
      rowsLoaded: 0,
      version: 0,
    };
    const update = (change: Partial<PreviewStream>) => {
      current = { ...current, ...change };
      if (active) setStream(current);
    };
    const running = () => (current.status === 'starting' ? 'streaming' : current.status);
    // Batches are taken in as they come (rows stay in order); the grid hears of them at most once
    // a frame, and only once it has shown the rows before: as a transition, so React renders the
    // grid in slices between frames and input (Stop, scrolling, a click) goes first.
    const rowsArrived = frameThrottle(() => {
      if (shown.current.version < current.version) {
        shown.current.waiting = () => rowsArrived.schedule();
        return;
      }
      const change = { status: running(), rowsLoaded: rows.numRows, version: current.version + 1 };
      startTransition(() => update(change));
    });

    // Batches go through the worker (it joins their parts) and come back whole, in order.
    localViews.receive(previewId, {
      batch(ipc) {
        rows.append(ipc);
        rowsArrived.schedule();
      },
      failed(message) {
        void client()
          .preview.cancel({ previewId })
          .catch(() => undefined);
        update({
          status: 'failed',
          error: {
            code: 'server',
            message: 'Some rows of the preview could not be read.',
            detail: message,
            action: 'retry',
          },
        });
      },
    });
    const offBatch = client().on('preview.batch', (batch) => {
      if (batch.previewId !== previewId) return;
      localViews.append(previewId, batch.ipc, batch.part, request.mirrorToWorker === true);
    });
    const offEnded = client().on('preview.ended', (ended) => {
      if (ended.previewId !== previewId) return;
      // The last batches may still be in the worker: the end is told after them.
      void localViews.sync(previewId).then(() => {
        rowsArrived.flush();
        if (current.status === 'failed' && current.error) return;
        const end = { status: ended.status, error: ended.error, rowsLoaded: rows.numRows };
        startTransition(() => update({ ...end, version: current.version + 1 }));
      });
    });
    client()
      .preview.start({
        previewId,
        tableRef: request.tableRef,
        maxRows: request.maxRows,
        selectedVariables: request.selectedVariables,
        view: request.view,
      })
      .then(({ numRows, viewRows }) =>
        startTransition(() => update({ numRows, viewRows, status: running() })),
      )
      .catch((error: unknown) => {
        const appError = toAppError(error);
        // Stopped before the session existed: that is a cancel, not a failure.
        update(
          appError.code === 'cancelled' ? { status: 'cancelled' } : { status: 'failed', error: appError },
        );
      });

    return () => {
      active = false;
      rowsArrived.cancel();
      shown.current.waiting = undefined;
      if (runningId.current === previewId) runningId.current = undefined;
      offBatch();
      offEnded();
      void client()
        .preview.cancel({ previewId })
        .catch(() => undefined);
      dropPreviewRows(previewId);
      localViews.drop(previewId);
    };
    // `key` stands for every field of the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const shownVersion = stream?.version ?? 0;
  useEffect(() => {
    const waiting = shown.current.waiting;
    shown.current = { version: shownVersion };
    waiting?.();
  }, [shownVersion]);

  const live = stream && stream.key === key ? stream : undefined;
  const cancel = () => {
    const previewId = runningId.current;
    if (previewId)
      void client()
        .preview.cancel({ previewId })
        .catch(() => undefined);
  };
  return [live, cancel];
}
