import { createHash } from 'node:crypto';
import { RecordBatch, Struct, makeData, vectorFromArray, type Data } from 'apache-arrow';
import type { Store } from '../store/store.js';
import type { DataSegment, TableRecord, VariableRecord } from '../store/model.js';
import { writeSegment } from '../store/segmentFiles.js';
import type { RowSource } from '../store/tableSources.js';
import { newVariable } from '../store/variables.js';
import { outputSchema } from './projection.js';

export const FILE_INDEX_VARIABLES: VariableRecord[] = [
  { ...newVariable('file_id', 'string'), isFileId: true, label: 'File id' },
  { ...newVariable('file_name', 'string'), label: 'File name' },
  { ...newVariable('size', 'integer'), label: 'Size (bytes)' },
  { ...newVariable('md5_hash', 'string'), label: 'MD5 (base64)' },
  { ...newVariable('added_at', 'dateTime'), label: 'Added at' },
];

const cache = new Map<string, Promise<DataSegment>>();

/**
 * A file-index table's rows are its raw files. They are materialized as a segment on demand
 * (cached per listing), so read sessions serve them like any other table.
 */
export async function fileIndexSources(store: Store, table: TableRecord): Promise<RowSource[]> {
  const files = store.listRawFiles(table.id);
  if (files.length === 0) return [];
  const key = createHash('sha256')
    .update(`${store.dataDir}\n${table.id}\n${files.map((f) => `${f.id}:${f.name}`).join('\n')}`)
    .digest('hex');
  let segment = cache.get(key);
  if (!segment) {
    const schema = outputSchema(FILE_INDEX_VARIABLES);
    const columns: Data[] = [
      vectorFromArray(
        files.map((f) => f.id),
        schema.fields[0]?.type,
      ).data[0],
      vectorFromArray(
        files.map((f) => f.name),
        schema.fields[1]?.type,
      ).data[0],
      vectorFromArray(
        files.map((f) => BigInt(f.size)),
        schema.fields[2]?.type,
      ).data[0],
      vectorFromArray(
        files.map((f) => f.md5Hash),
        schema.fields[3]?.type,
      ).data[0],
      makeData({
        type: schema.fields[4]?.type,
        length: files.length,
        nullCount: 0,
        data: BigInt64Array.from(files.map((f) => BigInt(f.addedAt) * 1000n)),
      }),
    ].filter((d): d is Data => d !== undefined);
    const batch = new RecordBatch(
      schema,
      makeData({ type: new Struct(schema.fields), length: files.length, nullCount: 0, children: columns }),
    );
    segment = writeSegment(store.dataDir, schema, [batch]);
    segment.catch(() => cache.delete(key));
    cache.set(key, segment);
  }
  return [{ segment: await segment, uploadName: null }];
}
