/** The export resource (spec §3.7). */
import type { StoreState, ExportRecord } from '../store/model.js';
import { tableQualifiedReference, tableScopedReference, tableUri } from '../serialize/references.js';
import { parentsOf } from './tableParents.js';

export function exportJson(
  record: ExportRecord,
  state: StoreState,
  apiBase: string,
): Record<string, unknown> {
  const uri = `/exports/${record.id}`;
  const table = state.tables[record.tableId];
  const parents = table ? parentsOf(state, table) : null;
  return {
    kind: 'export',
    id: record.id,
    uri,
    url: `${apiBase}${uri}`,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    status: record.status,
    errorMessage: record.errorMessage,
    percentCompleted: record.percentCompleted,
    format: record.format,
    size: record.size,
    fileCount: record.fileCount,
    table:
      table && parents
        ? {
            kind: 'table',
            id: table.id,
            name: table.name,
            referenceId: table.referenceId,
            uri: tableUri(table, parents),
            qualifiedReference: tableQualifiedReference(table, parents),
            scopedReference: tableScopedReference(table),
            isFileIndex: table.isFileIndex,
          }
        : null,
  };
}
