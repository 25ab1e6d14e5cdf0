import { AppFailure, appError, type AppError } from '../../../shared/contract/errors';
import type { EventBus } from '../host/eventBus';
import type { RedivisApiClient } from '../redivis/apiClient';
import { createReadSession, tablePath, type ReadSession } from '../redivis/readSession';
import { readStreamMessages } from '../redivis/readStream';
import { decodeStreamBatch, streamBatchOf, type StreamBatch } from '../redivis/streamBatch';
import { queryResultRef } from '../../../shared/contract/rowSource';
import { reordersOrFilters, type TableView } from '../../../shared/contract/tableViewModel';
import type { ViewQueries } from '../tableViews/viewQueries';
import { BatchGrouper, type GroupedBatches } from './batchGrouper';
import { batchEvents } from './batchParts';

export interface StartPreview {
  previewId: string;
  tableRef: string;
  maxRows: number;
  selectedVariables?: string[];
  /** Sorted or filtered on Redivis first, when it sorts or filters. */
  view?: TableView;
}

export interface StartedPreview {
  numRows: number;
  viewRows?: number;
  source: string;
}

interface ActivePreview {
  clientId: string;
  controller: AbortController;
  done: Promise<void>;
}

export interface PreviewServiceDeps {
  api: RedivisApiClient;
  events: EventBus;
  views?: ViewQueries;
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.appError;
  return appError('internal', 'The preview stopped unexpectedly.', {
    detail: error instanceof Error ? error.message : String(error),
    action: 'retry',
  });
}

/**
 * Runs row previews: one capped Arrow read session per preview, whose record batches go to the
 * window that asked, as the IPC bytes the server sent, while they arrive. Only message headers
 * are read here (row counts, the cap); the renderer decodes the rows, once. Previews are keyed by an id the renderer
 * chose, so it can listen before it asks and cancel when the user leaves the table.
 */
export class PreviewService {
  private readonly active = new Map<string, ActivePreview>();

  constructor(private readonly deps: PreviewServiceDeps) {}

  /** Resolves once the session exists; batches follow as `preview.batch` events. */
  async start(params: StartPreview, clientId: string): Promise<StartedPreview> {
    await this.cancel(params.previewId, clientId);
    const controller = new AbortController();
    let session: ReadSession;
    let finish: () => void = () => undefined;
    const entry: ActivePreview = {
      clientId,
      controller,
      done: new Promise<void>((resolve) => (finish = resolve)),
    };
    this.active.set(params.previewId, entry);
    let source = params.tableRef;
    let viewRows: number | undefined;
    let selectedVariables = params.selectedVariables;
    try {
      const { view } = params;
      if (view && reordersOrFilters(view) && this.deps.views) {
        // The whole table is sorted and filtered on Redivis; a newer view cancels this wait.
        const views = this.deps.views;
        const result = await views.run(
          await views.sql(params.tableRef, view, controller.signal),
          controller.signal,
        );
        source = queryResultRef(result.queryId);
        viewRows = result.numRows;
        selectedVariables = undefined;
      }
      session = await createReadSession(this.deps.api, tablePath(source), {
        maxResults: params.maxRows,
        selectedVariables,
        // One stream keeps rows in table order, which is what a preview should show.
        requestedStreamCount: 1,
        signal: controller.signal,
      });
    } catch (error) {
      this.active.delete(params.previewId);
      finish();
      if (controller.signal.aborted) throw new AppFailure(appError('cancelled', 'Preview cancelled.'));
      throw error;
    }
    void this.pump(params, clientId, session, controller.signal).finally(() => {
      controller.abort();
      if (this.active.get(params.previewId) === entry) this.active.delete(params.previewId);
      finish();
    });
    return { numRows: Math.min(session.numRows, params.maxRows), viewRows, source };
  }

  /** Stops a preview and waits until its stream is closed. Only the window that started it may. */
  async cancel(previewId: string, clientId: string): Promise<void> {
    const entry = this.active.get(previewId);
    if (!entry || entry.clientId !== clientId) return;
    entry.controller.abort();
    await entry.done;
  }

  /** Stops every preview of a window that went away (closed, reloaded, disconnected). */
  async cancelClient(clientId: string): Promise<void> {
    const entries = [...this.active.values()].filter((entry) => entry.clientId === clientId);
    entries.forEach((entry) => entry.controller.abort());
    await Promise.all(entries.map((entry) => entry.done));
  }

  /** Cancels everything (app shutdown, tests). */
  async dispose(): Promise<void> {
    const entries = [...this.active.values()];
    entries.forEach((entry) => entry.controller.abort());
    await Promise.all(entries.map((entry) => entry.done));
  }

  activeCount(): number {
    return this.active.size;
  }

  private async pump(
    params: StartPreview,
    clientId: string,
    session: ReadSession,
    signal: AbortSignal,
  ): Promise<void> {
    const { previewId, maxRows } = params;
    const grouper = new BatchGrouper();
    let rowsLoaded = 0;
    let seq = 0;
    const send = (groups: GroupedBatches[]) => {
      for (const event of groups.flatMap((group) => batchEvents(group))) {
        rowsLoaded += event.rows;
        this.deps.events.emit('preview.batch', { previewId, seq: seq++, rowsLoaded, ...event }, clientId);
      }
    };
    let received = 0;
    try {
      streams: for (const stream of session.streams) {
        for await (const batch of readStreamMessages(this.deps.api, stream.id, { signal })) {
          const room = maxRows - received;
          const kept = batch.numRows > room ? cut(batch, room) : batch;
          received += kept.numRows;
          if (kept.numRows > 0) send(grouper.add(kept));
          if (received >= maxRows) break streams;
        }
      }
      send(grouper.flush());
      this.deps.events.emit('preview.ended', { previewId, status: 'complete', rowsLoaded }, clientId);
    } catch (error) {
      const cancelled = signal.aborted;
      this.deps.events.emit(
        'preview.ended',
        cancelled
          ? { previewId, status: 'cancelled', rowsLoaded }
          : { previewId, status: 'failed', rowsLoaded, error: toAppError(error) },
        clientId,
      );
    }
  }
}

/**
 * The server may send a few rows beyond maxResults (spec 4.2); the cap is exact here. Only the
 * one batch that crosses it is decoded, cut and encoded again.
 */
function cut(batch: StreamBatch, rows: number): StreamBatch {
  return streamBatchOf(decodeStreamBatch(batch).slice(0, rows));
}
