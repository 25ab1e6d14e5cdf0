/**
 * Export cell values in the `/rows` text conventions (dates `YYYY-MM-DD`, date-times
 * `YYYY-MM-DD HH:MM:SS[.ffffff]`, times `HH:MM:SS[.ffffff]`, int64 beyond 2^53 as strings).
 * Export parts slice stored batches, so fixed-width values are read at the slice-relative index
 * (Arrow JS already offsets `values` of a sliced Data; only its validity bitmap keeps `offset`).
 */
import { Type, type Data, type RecordBatch } from 'apache-arrow';
import { formatDateTime, formatTime, type JsonValue } from '../readSessions/rowValues.js';

function formatDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

function dataValues(data: Data): JsonValue[] {
  const out = new Array<JsonValue>(data.length);
  const values = data.values as ArrayLike<number | bigint>;
  const typeId = data.type.typeId as Type;
  for (let i = 0; i < data.length; i++) {
    if (!data.getValid(i)) {
      out[i] = null;
      continue;
    }
    switch (typeId) {
      case Type.Int: {
        const raw = values[i]!;
        const big = typeof raw === 'bigint' ? raw : BigInt(raw);
        const safe = big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER);
        out[i] = safe ? Number(big) : big.toString();
        break;
      }
      case Type.Date:
        out[i] = formatDate(Number(values[i]));
        break;
      case Type.Timestamp:
        out[i] = formatDateTime(BigInt(values[i]!));
        break;
      case Type.Time:
        out[i] = formatTime(BigInt(values[i]!));
        break;
      default: {
        // Strings, booleans and floats: the generic getter handles offsets itself.
        const value: unknown = data.type.typeId === Type.Float ? values[i] : getValue(data, i);
        out[i] = typeof value === 'bigint' ? value.toString() : (value as JsonValue);
      }
    }
  }
  return out;
}

function getValue(data: Data, i: number): unknown {
  if (data.type.typeId === Type.Bool) {
    const bit = data.offset + i;
    return ((data.values as Uint8Array)[bit >> 3]! & (1 << (bit & 7))) !== 0;
  }
  if (data.type.typeId === Type.Utf8) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = (data.values as Uint8Array).subarray(offsets[i]!, offsets[i + 1]!);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  return null;
}

/** Column-major JSON values of a batch (one array per field). */
export function batchValues(batch: RecordBatch): JsonValue[][] {
  return batch.data.children.map((child) => dataValues(child));
}
