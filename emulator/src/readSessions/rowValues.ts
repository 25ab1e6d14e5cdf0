import { Type, type RecordBatch, type Vector } from 'apache-arrow';

export type JsonValue = string | number | boolean | null;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const MICROS_PER_DAY = 86_400_000_000;
const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` for days since epoch (memoized: columns repeat days a lot). */
function formatDate(days: number): string {
  let text = dayStrings.get(days);
  if (text === undefined) {
    text = new Date(days * 86_400_000).toISOString().slice(0, 10);
    if (dayStrings.size < 100_000) dayStrings.set(days, text);
  }
  return text;
}

function clock(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros - seconds * 1_000_000;
  const base = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return fraction ? `${base}.${pad(fraction, 6)}` : base;
}

/** `YYYY-MM-DD HH:MM:SS[.ffffff]` from microseconds since epoch (spec §4.6). */
export function formatDateTime(micros: bigint | number): string {
  const value = Number(micros);
  const days = Math.floor(value / MICROS_PER_DAY);
  return `${formatDate(days)} ${clock(value - days * MICROS_PER_DAY)}`;
}

export function formatTime(micros: bigint | number): string {
  return clock(Number(micros));
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
// Enum members are read once: through the CJS interop each access is a getter call.
const T_INT = Type.Int;
const T_FLOAT = Type.Float;
const T_BOOL = Type.Bool;
const T_UTF8 = Type.Utf8;
const T_DATE = Type.Date;
const T_TIMESTAMP = Type.Timestamp;
const T_TIME = Type.Time;

/** Reads a column's values as JSON-friendly values (int64 beyond 2^53 become strings). */
export function columnValues(vector: Vector): JsonValue[] {
  const out: JsonValue[] = new Array<JsonValue>(vector.length);
  let index = 0;
  for (const data of vector.data) {
    const values = data.values as ArrayLike<number | bigint> & {
      buffer: ArrayBufferLike;
      byteOffset: number;
      byteLength: number;
    };
    const typeId = data.type.typeId;
    // Strings are sliced straight out of the value buffer (much faster than Vector.get).
    const text = typeId === T_UTF8 ? Buffer.from(values.buffer, values.byteOffset, values.byteLength) : null;
    const offsets = data.valueOffsets as Int32Array | undefined;
    // Data.getValid is slow per call; read the validity bitmap directly.
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    for (let i = 0; i < data.length; i++, index++) {
      const bit = data.offset + i;
      if (bitmap && bitmap.length > 0 && ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) === 0) {
        out[index] = null;
        continue;
      }
      // Arrow JS slices fixed-width value buffers and string offsets along with the data, but
      // not boolean bitmaps: only those are indexed through data.offset.
      const at = data.offset + i;
      switch (typeId) {
        case T_INT: {
          const raw = values[i];
          const big = typeof raw === 'bigint' ? raw : BigInt(raw ?? 0);
          out[index] = big <= MAX_SAFE && big >= MIN_SAFE ? Number(big) : big.toString();
          break;
        }
        case T_FLOAT:
          out[index] = Number(values[i]);
          break;
        case T_BOOL:
          out[index] = ((Number(values[at >> 3]) >> (at & 7)) & 1) === 1;
          break;
        case T_UTF8:
          out[index] = text && offsets ? text.toString('utf8', offsets[i], offsets[i + 1]) : null;
          break;
        case T_DATE:
          out[index] = formatDate(Number(values[i]));
          break;
        case T_TIMESTAMP:
          out[index] = formatDateTime(values[i] ?? 0);
          break;
        case T_TIME:
          out[index] = formatTime(values[i] ?? 0);
          break;
        default: {
          const value: unknown = vector.get(index);
          out[index] = typeof value === 'bigint' ? value.toString() : (value as JsonValue);
        }
      }
    }
  }
  return out;
}

export function batchColumns(batch: RecordBatch): { names: string[]; columns: JsonValue[][] } {
  const names = batch.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => {
    const child = batch.getChildAt(i);
    return child ? columnValues(child) : new Array<JsonValue>(batch.numRows).fill(null);
  });
  return { names, columns };
}
