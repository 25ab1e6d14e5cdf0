/** The upload resource (spec §3.4). */
import type { TableParents } from '../serialize/references.js';
import { tableUri } from '../serialize/references.js';
import type { TableRecord, UploadRecord } from '../store/model.js';

function option<T>(upload: UploadRecord, key: string, fallback: T): T | unknown {
  const value = upload.options[key];
  return value === undefined ? fallback : value;
}

export function uploadUri(table: TableRecord, parents: TableParents, upload: UploadRecord): string {
  return `${tableUri(table, parents)}/uploads/${encodeURIComponent(upload.name)}`;
}

export function uploadJson(
  upload: UploadRecord,
  table: TableRecord,
  parents: TableParents,
  origin: string,
): Record<string, unknown> {
  const uri = uploadUri(table, parents, upload);
  return {
    kind: 'upload',
    id: upload.id,
    uri,
    url: `${origin}${uri}`,
    name: upload.name,
    status: upload.status,
    percentCompleted: upload.percentCompleted,
    hash: upload.hash,
    size: upload.size,
    numRows: upload.data?.numRows ?? null,
    numBytes: upload.data?.numBytes ?? null,
    variableCount: upload.variables.length,
    type: upload.type,
    hasHeaderRow: option(upload, 'hasHeaderRow', null),
    delimiter: option(upload, 'delimiter', null),
    quoteCharacter: option(upload, 'quoteCharacter', '"'),
    escapeCharacter: option(upload, 'escapeCharacter', '"'),
    nullMarkers: option(upload, 'nullMarkers', []),
    skipBadRecords: option(upload, 'skipBadRecords', false),
    badRecordsCount: upload.badRecordsCount,
    hasQuotedNewlines: option(upload, 'hasQuotedNewlines', null),
    allowJaggedRows: option(upload, 'allowJaggedRows', false),
    errorMessage: upload.errorMessage,
    createdAt: upload.createdAt,
    updatedAt: upload.updatedAt,
  };
}
