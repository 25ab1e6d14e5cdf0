import { makeVector, type Data } from 'apache-arrow';
import { BOOL, DATE, DICTIONARY, FLOAT, INT, TIME, TIMESTAMP, UTF8 } from './arrowTypeIds';
import { formatDate, formatDateTime, formatDateTimeNumber, formatTime, formatTimeNumber } from './cellText';

/** How a cell is spelled in a text format; null cells are handled by the caller. */
export interface CellSpelling {
  text(value: string): string;
  number(value: string): string;
  boolean(value: boolean): string;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/**
 * Spells every cell of one column (null → undefined). Works on the raw buffers so 64-bit
 * integers and microsecond times stay exact; text columns are decoded once per cell.
 */
export function columnCells(
  data: Data,
  spelling: CellSpelling,
  exactIntegers: boolean,
): (string | undefined)[] {
  const out = new Array<string | undefined>(data.length);
  const nulls = nullBitmapOf(data);
  const values = data.values as ArrayLike<number | bigint>;
  // apache-arrow slices fixed-width buffers, so values are indexed from 0; validity and
  // boolean bits go by `offset + i`, and text goes through the (sliced) value offsets.
  const typeId = data.type.typeId;
  const unit = (data.type as { unit?: number }).unit ?? 2;
  if (typeId === UTF8) return utf8Cells(data, spelling);
  if ((typeId === TIMESTAMP || typeId === TIME) && unit === 2 && data.values instanceof BigInt64Array) {
    return microsCells(data, spelling, typeId === TIMESTAMP ? formatDateTimeNumber : formatTimeNumber);
  }
  const vector = typeId === DICTIONARY ? makeVector(data) : undefined;
  for (let i = 0; i < data.length; i++) {
    if (isNull(nulls, data.offset + i)) continue;
    switch (typeId) {
      case INT: {
        const raw = values[i] ?? 0;
        const big = typeof raw === 'bigint' ? raw : BigInt(raw);
        // JSON readers lose precision past 2^53: such integers are written as strings there.
        out[i] =
          !exactIntegers && (big > MAX_SAFE || big < MIN_SAFE)
            ? spelling.text(big.toString())
            : big.toString();
        break;
      }
      case FLOAT: {
        const number = Number(values[i]);
        out[i] = Number.isFinite(number) ? spelling.number(String(number)) : spelling.text(String(number));
        break;
      }
      case DATE:
        out[i] = spelling.text(formatDate(Number(values[i])));
        break;
      case TIMESTAMP:
        out[i] = spelling.text(formatDateTime(toMicros(unit, values[i] ?? 0)));
        break;
      case TIME:
        out[i] = spelling.text(formatTime(toMicros(unit, values[i] ?? 0)));
        break;
      case BOOL: {
        const bit = data.offset + i;
        out[i] = spelling.boolean(((data.values as Uint8Array)[bit >> 3]! & (1 << (bit & 7))) !== 0);
        break;
      }
      default: {
        const value: unknown = vector ? vector.get(i) : makeVector(data).get(i);
        out[i] = spelling.text(String(value));
      }
    }
  }
  return out;
}

function toMicros(unit: number, raw: number | bigint): bigint {
  const value = typeof raw === 'bigint' ? raw : BigInt(raw);
  if (unit === 2) return value;
  if (unit === 1) return value * 1000n;
  return unit === 0 ? value * 1_000_000n : value / 1000n;
}

/** Text cells straight from the offsets and bytes (much faster than decoding through a Vector). */
function utf8Cells(data: Data, spelling: CellSpelling): (string | undefined)[] {
  const out = new Array<string | undefined>(data.length);
  const nulls = nullBitmapOf(data);
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const first = offsets[0] ?? 0;
  const last = offsets[data.length] ?? 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Mostly-ASCII text (the common case) is decoded once and cut into cheap substrings.
  const ascii = isAscii(bytes, first, last);
  const whole = ascii ? buffer.toString('latin1', first, last) : '';
  for (let i = 0; i < data.length; i++) {
    if (isNull(nulls, data.offset + i)) continue;
    const start = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? 0;
    out[i] = spelling.text(
      ascii ? whole.substring(start - first, end - first) : buffer.toString('utf8', start, end),
    );
  }
  return out;
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/**
 * Microsecond timestamps and times without a BigInt per cell: each 64-bit value is read as two
 * little-endian 32-bit halves, exact whenever it fits in 2^53 (±285 years around 1970); others take the
 * BigInt path.
 */
function microsCells(
  data: Data,
  spelling: CellSpelling,
  format: (micros: number) => string,
): (string | undefined)[] {
  const out = new Array<string | undefined>(data.length);
  const nulls = nullBitmapOf(data);
  const values = data.values as BigInt64Array;
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  const slow = data.type.typeId === TIMESTAMP ? formatDateTime : formatTime;
  for (let i = 0; i < data.length; i++) {
    if (isNull(nulls, data.offset + i)) continue;
    const high = words[2 * i + 1]!;
    const micros = high * 4_294_967_296 + (words[2 * i]! >>> 0);
    out[i] = spelling.text(high < 2_097_152 && high >= -2_097_152 ? format(micros) : slow(values[i] ?? 0n));
  }
  return out;
}

/** The validity bitmap when the column has nulls (read directly: `getValid` per cell is slow). */
function nullBitmapOf(data: Data): Uint8Array | undefined {
  return data.nullCount > 0 && data.nullBitmap && data.nullBitmap.byteLength > 0
    ? data.nullBitmap
    : undefined;
}

function isNull(bitmap: Uint8Array | undefined, bit: number): boolean {
  return bitmap !== undefined && (bitmap[bit >> 3]! & (1 << (bit & 7))) === 0;
}
