import { queryIdOf } from '../../../../shared/contract/rowSource';

/** A reference as one URL path segment (spec §2.6: `:` and spaces percent-encoded). */
export function refSegment(ref: string): string {
  return encodeURIComponent(ref);
}

/**
 * API path of the rows' owner: a table given any Redivis table reference (names, ids, version
 * tags), or a query given `query:<id>` (its result).
 */
export function tablePath(tableRef: string): string {
  const queryId = queryIdOf(tableRef);
  if (queryId !== undefined) return `/queries/${refSegment(queryId)}`;
  return `/tables/${refSegment(tableRef)}`;
}

/** The Table resource itself (`query:<id>` is not a table here). */
export function tableResourcePath(tableRef: string): string {
  return `/tables/${refSegment(tableRef)}`;
}

export function datasetPath(datasetRef: string): string {
  return `/datasets/${refSegment(datasetRef)}`;
}

/** Upload names in URIs: `.` becomes `_`, then URL-encoded (spec §2.6). */
export function uploadPath(tableRef: string, name: string): string {
  return `/tables/${refSegment(tableRef)}/uploads/${encodeURIComponent(name.replace(/\./g, '_'))}`;
}
