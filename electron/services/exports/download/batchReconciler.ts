import {
  RecordBatch,
  Struct,
  Type,
  makeData,
  util,
  type Data,
  type DataType,
  type Schema,
} from 'apache-arrow';
import { decodeStreamBatch, streamBatchOf, type StreamBatch } from '../../redivis/streamBatch';
import { castColumn, nullColumn } from './columnCast';

/**
 * Streams of an unreleased table carry each upload's own schema, and dataset streams may use
 * physical types that differ from the variable types (spec 4.4). Every batch is brought to the
 * one target schema before it is written: columns matched by name case-insensitively and put
 * in order, missing ones added as nulls, differing types cast.
 */
export function reconcileBatch(batch: RecordBatch, schema: Schema): RecordBatch {
  if (sameSchema(batch.schema, schema)) return batch;
  const byName = new Map<string, number>();
  batch.schema.fields.forEach((field, index) => byName.set(field.name.toLowerCase(), index));
  const children: Data[] = schema.fields.map((field) => {
    const index = byName.get(field.name.toLowerCase());
    const column = index === undefined ? undefined : batch.data.children[index];
    if (!column) return nullColumn(field.type, batch.numRows);
    if (sameType(column.type, field.type)) return column;
    return castColumn(column, field.type);
  });
  const data = makeData({
    type: new Struct(schema.fields),
    length: batch.numRows,
    nullCount: 0,
    children,
  });
  return new RecordBatch(schema, data);
}

/**
 * The first `rows` rows of a batch (the server may send a few more than asked for). Only the
 * one batch that is cut is decoded and encoded again.
 */
export function headOfBatch(batch: StreamBatch, rows: number): StreamBatch {
  return rows >= batch.numRows ? batch : streamBatchOf(decodeStreamBatch(batch).slice(0, rows));
}

const matchCache = new WeakMap<Schema, WeakMap<Schema, boolean>>();

/**
 * True when batches of `source` can be written under `target` byte for byte: the same column
 * names and types in the same order. Nullability and metadata live only in the schema, so they
 * may differ. Remembered per pair, since every batch of a stream shares its schema object.
 */
export function matchesSchema(source: Schema, target: Schema): boolean {
  let known = matchCache.get(source);
  if (!known) matchCache.set(source, (known = new WeakMap()));
  let matches = known.get(target);
  if (matches === undefined) {
    matches =
      source.fields.length === target.fields.length &&
      source.fields.every((field, i) => {
        const other = target.fields[i];
        return other !== undefined && field.name === other.name && sameType(field.type, other.type);
      });
    known.set(target, matches);
  }
  return matches;
}

/** A plain boolean (apache-arrow's comparer is a type guard that would narrow `batch` away). */
function sameSchema(a: Schema, b: Schema): boolean {
  return util.compareSchemas(a, b);
}

/**
 * Type equality that ignores how "no time zone" is spelled: decoded IPC schemas say `null`,
 * constructed types `undefined`, and apache-arrow's own comparison tells them apart.
 */
export function sameType(a: DataType, b: DataType): boolean {
  const equal: boolean = util.compareTypes(a, b);
  if (equal) return true;
  if (a.typeId !== b.typeId || a.typeId !== Type.Timestamp) return false;
  const x = a as DataType & { unit: number; timezone?: string | null };
  const y = b as DataType & { unit: number; timezone?: string | null };
  return x.unit === y.unit && (x.timezone ?? null) === (y.timezone ?? null);
}
