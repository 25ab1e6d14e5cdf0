import {
  Type,
  makeData,
  makeVector,
  vectorFromArray,
  type Data,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { formatDate, formatDateTime, formatTime } from '../text/cellText';

type Cell = string | number | bigint | boolean | null;

const MICROS_PER_DAY = 86_400_000_000n;

/** Reads one cell as a plain value, keeping 64-bit integers and microseconds exact. */
export function rawCell(data: Data, index: number): Cell {
  if (!data.getValid(index)) return null;
  // Fixed-width buffers of sliced data start at the slice (apache-arrow's convention).
  const at = index;
  switch (data.type.typeId) {
    case Type.Int:
    case Type.Timestamp:
    case Type.Time: {
      const value = (data.values as ArrayLike<number | bigint>)[at] ?? 0;
      return typeof value === 'bigint' ? value : BigInt(value);
    }
    case Type.Date:
      return Number((data.values as ArrayLike<number>)[at]);
    default: {
      const value: unknown = makeVector(data).get(index);
      if (value === null || value === undefined) return null;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      if (typeof value === 'bigint') return value;
      return String(value);
    }
  }
}

/** A cell as text, the way Redivis writes it (dates ISO, datetimes `YYYY-MM-DD HH:MM:SS[.ffffff]`). */
function cellAsText(data: Data, index: number): string | null {
  const value = rawCell(data, index);
  if (value === null) return null;
  switch (data.type.typeId) {
    case Type.Date:
      return formatDate(value as number);
    case Type.Timestamp:
      return formatDateTime(toMicros(data.type, value as bigint));
    case Type.Time:
      return formatTime(toMicros(data.type, value as bigint));
    default:
      return String(value);
  }
}

/** Timestamps and times may arrive in other units; everything is normalised to microseconds. */
function toMicros(type: DataType, value: bigint): bigint {
  const unit = (type as DataType & { unit?: number }).unit ?? 2;
  return [value * 1_000_000n, value * 1000n, value, value / 1000n][unit] ?? value;
}

function parseMicrosOfDay(text: string): bigint | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?$/.exec(text.trim());
  if (!match) return null;
  const [, h, m, s, f] = match;
  const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0);
  return BigInt(seconds) * 1_000_000n + BigInt((f ?? '').padEnd(6, '0') || '0');
}

function parseMicrosSinceEpoch(text: string): bigint | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?/.exec(text.trim());
  if (!match?.[1]) return null;
  const days = Date.parse(`${match[1]}T00:00:00Z`);
  if (!Number.isFinite(days)) return null;
  const ofDay = match[2] ? parseMicrosOfDay(match[2]) : 0n;
  return ofDay === null ? null : BigInt(days) * 1000n + ofDay;
}

/** Converts one source cell to the value a target column of `type` stores (bigint for 64-bit). */
function convert(source: Data, index: number, target: DataType): Cell {
  const value = rawCell(source, index);
  if (value === null) return null;
  const sourceType = source.type.typeId;
  switch (target.typeId) {
    case Type.Utf8:
      return cellAsText(source, index);
    case Type.Int: {
      if (typeof value === 'bigint') return value;
      const number = Number(value);
      return Number.isFinite(number) ? BigInt(Math.trunc(number)) : null;
    }
    case Type.Float: {
      const number = Number(value);
      return Number.isNaN(number) && value !== 'NaN' ? null : number;
    }
    case Type.Bool:
      return typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true';
    case Type.Date: {
      if (sourceType === Type.Timestamp)
        return Number(toMicros(source.type, value as bigint) / MICROS_PER_DAY);
      const micros = parseMicrosSinceEpoch(String(value));
      return micros === null ? null : Number(micros / MICROS_PER_DAY);
    }
    case Type.Timestamp: {
      if (sourceType === Type.Timestamp) return toMicros(source.type, value as bigint);
      if (sourceType === Type.Date) return BigInt(value as number) * MICROS_PER_DAY;
      return parseMicrosSinceEpoch(String(value));
    }
    case Type.Time: {
      if (sourceType === Type.Time) return toMicros(source.type, value as bigint);
      return parseMicrosOfDay(String(value));
    }
    default:
      return null;
  }
}

/** A column of `length` nulls. */
export function nullColumn(type: DataType, length: number): Data {
  return fillColumn(type, length, () => null);
}

/** Casts a column to the target type value by value (only for streams whose types differ). */
export function castColumn(source: Data, target: DataType): Data {
  return fillColumn(target, source.length, (i) => convert(source, i, target));
}

function fillColumn(type: DataType, length: number, cell: (index: number) => Cell): Data {
  if (type.typeId === Type.Utf8 || type.typeId === Type.Bool) {
    const values = Array.from({ length }, (_, i) => cell(i));
    const vector: Vector = vectorFromArray(values as (string | boolean | null)[], type);
    return vector.data[0] ?? makeData({ type, length: 0 } as never);
  }
  const validity = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  const wide = type.typeId === Type.Int || type.typeId === Type.Timestamp || type.typeId === Type.Time;
  const values = wide
    ? new BigInt64Array(length)
    : type.typeId === Type.Date
      ? new Int32Array(length)
      : new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const value = cell(i);
    if (value === null) {
      nullCount++;
      continue;
    }
    validity[i >> 3]! |= 1 << (i & 7);
    if (values instanceof BigInt64Array) values[i] = BigInt(value as bigint);
    else values[i] = Number(value);
  }
  return makeData({ type, length, nullCount, nullBitmap: validity, data: values } as never);
}
