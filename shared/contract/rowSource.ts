/**
 * Rows come from a table (any Redivis table reference) or from a query's result. A query
 * result is named `query:<id>` wherever a table reference is accepted (preview, export), so
 * the grid and the export engine serve both without a second code path.
 */
const QUERY_PREFIX = 'query:';

export function queryResultRef(queryId: string): string {
  return `${QUERY_PREFIX}${queryId}`;
}

/** The query id of a `query:<id>` reference, or undefined for a table reference. */
export function queryIdOf(ref: string): string | undefined {
  return ref.startsWith(QUERY_PREFIX) ? ref.slice(QUERY_PREFIX.length) : undefined;
}
