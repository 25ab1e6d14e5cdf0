import { randomUUID } from 'node:crypto';
import { AppFailure, appError } from '../../../shared/contract/errors';
import { queryIdOf } from '../../../shared/contract/rowSource';
import type { TableView } from '../../../shared/contract/tableViewModel';
import { describeTable } from '../preview/describeTable';
import { runQuery } from '../queries/queryRunner';
import type { RedivisApiClient } from '../redivis/apiClient';
import { getRowSource } from '../redivis/api/rowSources';
import { LruCache } from './lruCache';
import { compileViewSql, type ViewSource, type ViewVariable } from './viewSql';

/** A view's SQL and the dataset its bare table names resolve against (a query result's own). */
export interface ViewSql {
  text: string;
  defaultDataset?: string;
}

/** A view query that completed on Redivis: its result is read as `query:<id>`. */
export interface ViewResult {
  queryId: string;
  numRows: number;
}

/** How long a table's variables are trusted before being asked for again. */
const VARIABLES_TTL_MS = 60_000;

/**
 * Runs views as Redivis queries. Compiled SQL is the cache key: a query result is immutable, so
 * the same view (its first rows, a page, an export) is computed once and read many times. A
 * caller's signal stops only its own waiting; Redivis may still finish the query.
 */
export class ViewQueries {
  private readonly results = new LruCache<string, ViewResult>(200);
  private readonly described = new Map<string, { at: number; variables: Promise<ViewVariable[]> }>();
  private readonly sources = new LruCache<string, ViewSource>(100);

  constructor(
    private readonly api: RedivisApiClient,
    /** The default dataset a query was run with, when the app ran it (Redivis does not say). */
    private readonly defaultDatasetOf: (queryId: string) => Promise<string | undefined> = async () =>
      undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The view's SQL: rows [offset, offset + limit) when a window is given, else all of them. */
  async sql(
    tableRef: string,
    view: TableView,
    signal?: AbortSignal,
    window?: { offset: number; limit: number },
  ): Promise<ViewSql> {
    const [variables, source] = await Promise.all([
      this.variables(tableRef, signal),
      this.source(tableRef, signal),
    ]);
    return {
      text: compileViewSql({ source, variables, view, window }),
      defaultDataset: defaultDatasetOf(source),
    };
  }

  /** Runs (or reuses) the view's query and resolves once its result can be read. */
  async run(sql: ViewSql, signal: AbortSignal): Promise<ViewResult> {
    const key = `${sql.defaultDataset ?? ''}\n${sql.text}`;
    const cached = this.results.get(key);
    if (cached) return cached;
    const run = await runQuery({
      api: this.api,
      runId: `view-${randomUUID()}`,
      sql: sql.text,
      defaultDataset: sql.defaultDataset,
      signal,
      onUpdate: () => undefined,
      // Nothing shows "queued" for a view, so the first request may wait for the answer itself
      // (Redivis answers as soon as the query completes); polling covers longer queries.
      submitTimeoutMs: 20_000,
      firstPollMs: 100,
      maxPollMs: 1_000,
    });
    if (run.status !== 'completed' || !run.queryId) {
      const error =
        run.error ?? appError('server', 'Redivis did not finish sorting and filtering this view.');
      throw new AppFailure(error.code === 'bad_input' ? { ...error, detail: sql.text } : error);
    }
    const result = { queryId: run.queryId, numRows: run.outputNumRows ?? 0 };
    this.results.set(key, result);
    return result;
  }

  async variables(tableRef: string, signal?: AbortSignal): Promise<ViewVariable[]> {
    const key = tableRef.trim().toLowerCase();
    const known = this.described.get(key);
    if (known && this.now() - known.at < VARIABLES_TTL_MS) return known.variables;
    const variables = describeTable(this.api, tableRef, signal).then((d) =>
      d.columns.map((c) => ({ name: c.name, type: c.type })),
    );
    this.described.set(key, { at: this.now(), variables });
    variables.catch(() => this.described.delete(key));
    return variables;
  }

  /** A table is read by reference; a query result through its own SQL (Redivis queries name tables only). */
  async source(tableRef: string, signal?: AbortSignal): Promise<ViewSource> {
    const queryId = queryIdOf(tableRef);
    if (queryId === undefined) return { kind: 'table', reference: tableRef };
    const known = this.sources.get(queryId);
    if (known) return known;
    const body = await getRowSource(this.api, tableRef, { signal });
    if (body.query === undefined || body.query.trim() === '') {
      throw new AppFailure(appError('server', 'Redivis did not say which query made this result.'));
    }
    const defaultDataset = await this.defaultDatasetOf(queryId).catch(() => undefined);
    const source: ViewSource = { kind: 'query', sql: body.query, defaultDataset };
    this.sources.set(queryId, source);
    return source;
  }
}

/** The dataset a source's bare names resolve against: only a query result has one. */
export function defaultDatasetOf(source: ViewSource): string | undefined {
  return source.kind === 'query' ? source.defaultDataset : undefined;
}
