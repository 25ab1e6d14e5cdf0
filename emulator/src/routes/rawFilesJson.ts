/** The rawFile resource and the file-index listing (spec §3.5). */
import { Field, Int64, Schema, TimestampMicrosecond, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { RecordBatchStreamWriter } from 'apache-arrow';
import { batchFromColumns } from '../ingest/batchSink.js';
import type { RawFileRecord } from '../store/model.js';

export function rawFileJson(file: RawFileRecord, apiBase: string): Record<string, unknown> {
  const uri = `/rawFiles/${encodeURIComponent(file.id)}`;
  return {
    kind: 'rawFile',
    id: file.id,
    uri,
    url: `${apiBase}${uri}`,
    name: file.name,
    md5Hash: file.md5Hash,
    size: file.size,
    contentType: file.contentType,
    addedAt: file.addedAt,
  };
}

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  xml: 'application/xml',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  parquet: 'application/vnd.apache.parquet',
  arrow: 'application/vnd.apache.arrow.file',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  webp: 'image/webp',
  py: 'text/x-python',
  r: 'text/x-r',
  sql: 'application/sql',
  js: 'text/javascript',
};

/** Content type from the file extension, else `application/octet-stream` (as documented). */
export function contentTypeFor(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * The listing as an Arrow IPC stream: `file_id, <name column>, size, md5_hash, added_at`
 * (added_at as timestamp µs), then the index's other columns (the files' metadata, as strings).
 * `nameColumn` follows the `fileNameVariable` query parameter.
 */
export function rawFileListingIpc(
  files: RawFileRecord[],
  idColumn = 'file_id',
  nameColumn = 'file_name',
): Uint8Array {
  const schema = new Schema([
    new Field(idColumn, new Utf8(), true),
    new Field(nameColumn, new Utf8(), true),
    new Field('size', new Int64(), true),
    new Field('md5_hash', new Utf8(), true),
    new Field('added_at', new TimestampMicrosecond(), true),
    ...extraColumns(files).map((name) => new Field(name, new Utf8(), true)),
  ]);
  const length = files.length;
  const columns = [
    vectorFromArray(
      files.map((f) => f.id),
      new Utf8(),
    ).data[0]!,
    vectorFromArray(
      files.map((f) => f.name),
      new Utf8(),
    ).data[0]!,
    makeData({
      type: new Int64(),
      length,
      nullCount: 0,
      data: BigInt64Array.from(files, (f) => BigInt(f.size)),
    }),
    vectorFromArray(
      files.map((f) => f.md5Hash),
      new Utf8(),
    ).data[0]!,
    makeData({
      type: new TimestampMicrosecond(),
      length,
      nullCount: 0,
      data: BigInt64Array.from(files, (f) => BigInt(f.addedAt) * 1000n),
    }),
    ...extraColumns(files).map(
      (name) =>
        vectorFromArray(
          files.map((f) => f.metadata?.[name] ?? null),
          new Utf8(),
        ).data[0]!,
    ),
  ];
  const batch = batchFromColumns(schema, columns, length);
  return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}

const STANDARD_COLUMNS = new Set(['file_id', 'file_name', 'size', 'md5_hash', 'added_at']);

/** Metadata keys of the files, in first-seen order (never one of the standard columns). */
function extraColumns(files: RawFileRecord[]): string[] {
  const names = new Set<string>();
  for (const file of files) for (const key of Object.keys(file.metadata ?? {})) names.add(key);
  return [...names].filter((name) => !STANDARD_COLUMNS.has(name));
}
