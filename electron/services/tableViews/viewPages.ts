import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import { queryResultRef } from '../../../shared/contract/rowSource';
import type { TableView } from '../../../shared/contract/tableViewModel';
import type { RedivisApiClient } from '../redivis/apiClient';
import { createReadSession, tablePath } from '../redivis/readSession';
import { readStreamBatches } from '../redivis/readStream';
import { LruCache } from './lruCache';
import type { ViewQueries } from './viewQueries';

export interface ViewPage {
  rows: number;
  /** The page as one Arrow IPC stream. */
  ipc: Uint8Array;
}

/** The most rows one page may ask for. */
export const MAX_PAGE_ROWS = 5_000;

/**
 * Windows deep in a view, each a paged query (`LIMIT … OFFSET …` over the view's SQL), read
 * whole and kept: scrolling back to a page, or to the view's end again, costs nothing.
 */
export class ViewPages {
  private readonly pages = new LruCache<string, ViewPage>(200);

  constructor(
    private readonly api: RedivisApiClient,
    private readonly queries: ViewQueries,
  ) {}

  async page(
    tableRef: string,
    view: TableView,
    offset: number,
    limit: number,
    signal: AbortSignal,
  ): Promise<ViewPage> {
    const sql = await this.queries.sql(tableRef, view, signal, {
      offset,
      limit: Math.min(limit, MAX_PAGE_ROWS),
    });
    const key = `${sql.defaultDataset ?? ''}\n${sql.text}`;
    const cached = this.pages.get(key);
    if (cached) return cached;
    const result = await this.queries.run(sql, signal);
    const session = await createReadSession(this.api, tablePath(queryResultRef(result.queryId)), {
      requestedStreamCount: 1,
      signal,
    });
    const batches: RecordBatch[] = [];
    for (const stream of session.streams) {
      for await (const batch of readStreamBatches(this.api, stream.id, { signal })) {
        if (batch.numRows > 0) batches.push(batch);
      }
    }
    const table = new Table(batches);
    const page = { rows: table.numRows, ipc: tableToIPC(table, 'stream') };
    this.pages.set(key, page);
    return page;
  }
}
