import type { Data } from 'apache-arrow';
import { isAscii, isUtf8 } from 'node:buffer';
import { BOOL, DATE, FLOAT, INT, TIME, TIMESTAMP, UTF8 } from './arrowTypeIds';
import { ByteSink } from './byteCells';
import { columnCells } from './columnText';
import { csvSpelling, jsonSpelling } from './textRows';

/**
 * The column writers of the CSV/NDJSON encoders (`textBatchEncoder.ts`): one per Arrow type,
 * each writing a column's cells into the thread's one `textSink` with the exact spelling of
 * `textRows`.
 */

export type CellWriter = (row: number) => void;

export interface Column {
  write: CellWriter;
  /** Most bytes one cell can take without reserving for itself. */
  bound: number;
  /** Typical bytes per cell, for sizing the buffer up front. */
  estimate: number;
}

const TWO_32 = 4_294_967_296;
const TWO_53 = 9_007_199_254_740_992;
/** A high word in [-2^21, 2^21) means the 64-bit value is in [-2^53, 2^53): exact as a Number. */
const HIGH_LIMIT = 2_097_152;
/** Below 2^40 µs every step of `formatTime` is exact; larger times take its own spelling. */
const TIME_LIMIT = 1_099_511_627_776;
const QUOTE = 0x22;
/** `null`, `true` and `fals` as little-endian words. */
const NULL_WORD = 0x6c6c756e;
const TRUE_WORD = 0x65757274;
const FALS_WORD = 0x736c6166;

/** Where every writer of this thread writes; the encoder starts and finishes each result on it. */
const sink = new ByteSink();
export { sink as textSink };

/**
 * The writer of one column of a batch with `rows` rows: a byte writer for its type where there is
 * one, else the spelling `columnCells` gives (so output never differs); nulls are skipped in CSV
 * and spelled `null` in NDJSON.
 */
export function columnWriter(data: Data, rows: number, json: boolean): Column {
  const fast = data.length >= rows ? fastWriter(data, json) : undefined;
  if (!fast) return fallbackColumn(columnCells(data, json ? jsonSpelling : csvSpelling, !json), json);
  const bitmap =
    data.nullCount > 0 && data.nullBitmap && data.nullBitmap.byteLength > 0 ? data.nullBitmap : undefined;
  if (!bitmap) return fast;
  const write = fast.write;
  const offset = data.offset;
  return {
    ...fast,
    bound: Math.max(fast.bound, 4),
    write: (row) => {
      const bit = offset + row;
      if ((bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0) write(row);
      else if (json) sink.word(NULL_WORD);
    },
  };
}

/** Cells of the column as `columnCells` spells them, computed the first time one is needed. */
function slowCells(data: Data, json: boolean): (row: number) => void {
  let cells: (string | undefined)[] | undefined;
  return (row) => {
    cells ??= columnCells(data, json ? jsonSpelling : csvSpelling, !json);
    const cell = cells[row];
    if (cell !== undefined) sink.text(cell);
  };
}

function fallbackColumn(cells: (string | undefined)[], json: boolean): Column {
  return {
    write: (row) => {
      const cell = cells[row];
      if (cell !== undefined) sink.text(cell);
      else if (json) sink.word(NULL_WORD);
    },
    bound: 4,
    estimate: 16,
  };
}

function fastWriter(data: Data, json: boolean): Column | undefined {
  const values: unknown = data.values;
  const length = data.length;
  switch (data.type.typeId) {
    case UTF8:
      return utf8Writer(data, json);
    case INT:
      if (values instanceof BigInt64Array && values.length >= length) return int64Writer(values, json);
      if (values instanceof BigUint64Array && values.length >= length) return uint64Writer(values, json);
      if (isSmallIntArray(values) && values.length >= length) {
        return { write: (row) => sink.int(values[row]!), bound: 11, estimate: 6 };
      }
      return undefined;
    case FLOAT:
      if ((values instanceof Float64Array || values instanceof Float32Array) && values.length >= length) {
        return floatWriter(values, json);
      }
      return undefined;
    case DATE:
      if (values instanceof Int32Array && values.length >= length) {
        return {
          write: json
            ? (row) => {
                sink.byte(QUOTE);
                sink.date(values[row]!);
                sink.byte(QUOTE);
              }
            : (row) => sink.date(values[row]!),
          bound: 18,
          estimate: 12,
        };
      }
      return undefined;
    case TIMESTAMP:
      return dateTimeWriter(data, json);
    case TIME:
      return timeWriter(data, json);
    case BOOL: {
      if (!(values instanceof Uint8Array) || values.length * 8 < data.offset + length) return undefined;
      const offset = data.offset;
      return {
        write: (row) => {
          const bit = offset + row;
          if ((values[bit >> 3]! & (1 << (bit & 7))) !== 0) sink.word(TRUE_WORD);
          else {
            sink.word(FALS_WORD);
            sink.byte(0x65);
          }
        },
        bound: 5,
        estimate: 5,
      };
    }
    default:
      return undefined;
  }
}

type SmallIntArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;
const SMALL_INT_ARRAYS = [Int8Array, Int16Array, Int32Array, Uint8Array, Uint16Array, Uint32Array];

function isSmallIntArray(values: unknown): values is SmallIntArray {
  return SMALL_INT_ARRAYS.some((type) => values instanceof type);
}

/** Digits from the two 32-bit halves; only integers beyond 2^53 pay for a BigInt. */
function int64Writer(values: BigInt64Array, json: boolean): Column {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  return {
    write: (row) => {
      const high = words[2 * row + 1]!;
      if (high < HIGH_LIMIT && high >= -HIGH_LIMIT) {
        const value = high * TWO_32 + (words[2 * row]! >>> 0);
        // -2^53 itself is outside ±MAX_SAFE_INTEGER, so it is a string in NDJSON.
        if (value > -TWO_53) {
          sink.int(value);
          return;
        }
      }
      quotedInJson(values[row]!.toString(), json);
    },
    bound: 23,
    estimate: 8,
  };
}

function uint64Writer(values: BigUint64Array, json: boolean): Column {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  return {
    write: (row) => {
      const high = words[2 * row + 1]!;
      if (high < HIGH_LIMIT) sink.uint(high * TWO_32 + words[2 * row]!);
      else quotedInJson(values[row]!.toString(), json);
    },
    bound: 23,
    estimate: 8,
  };
}

/**
 * ASCII that is a JSON string but bare in CSV: integers past 2^53 (JSON readers would lose
 * precision) and non-finite floats.
 */
function quotedInJson(text: string, json: boolean): void {
  if (json) sink.byte(QUOTE);
  sink.ascii(text);
  if (json) sink.byte(QUOTE);
}

function floatWriter(values: Float64Array | Float32Array, json: boolean): Column {
  let decimals = 0;
  return {
    write: (row) => {
      const value = values[row]!;
      if (value - value === 0) decimals = sink.float(value, decimals);
      else quotedInJson(String(value), json); // NaN / Infinity / -Infinity: quoted only in JSON
    },
    bound: 32,
    estimate: 12,
  };
}

/**
 * Exact microseconds of a timestamp or time cell as a Number, or NaN where that is not
 * possible (those cells take the string helpers). Non-µs units convert as `columnCells` does:
 * exact multiplication, nanoseconds truncated toward zero.
 */
function microsReader(data: Data): ((row: number) => number) | undefined {
  const values: unknown = data.values;
  const unit = (data.type as { unit?: number }).unit ?? 2;
  const scale = unit === 0 ? 1_000_000 : unit === 1 ? 1000 : 1;
  if (values instanceof Int32Array && data.type.typeId === TIME && unit < 2) {
    if (values.length < data.length) return undefined;
    return (row) => values[row]! * scale;
  }
  if (!(values instanceof BigInt64Array) || values.length < data.length) return undefined;
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  const raw = (row: number): number => {
    const high = words[2 * row + 1]!;
    return high < HIGH_LIMIT && high >= -HIGH_LIMIT ? high * TWO_32 + (words[2 * row]! >>> 0) : NaN;
  };
  if (unit === 2) return raw;
  if (unit === 3) {
    return (row) => {
      const nanos = raw(row);
      return (nanos - (nanos % 1000)) / 1000;
    };
  }
  return (row) => raw(row) * scale;
}

/** Timestamps from their exact microseconds; anything past ±2^53 µs is spelled by `columnCells`. */
function dateTimeWriter(data: Data, json: boolean): Column | undefined {
  const micros = microsReader(data);
  if (!micros) return undefined;
  const slow = slowCells(data, json);
  return {
    write: (row) => {
      const value = micros(row);
      if (value > -TWO_53 && value < TWO_53) {
        const at = sink.pos;
        if (json) sink.byte(QUOTE);
        if (sink.dateTime(value)) {
          if (json) sink.byte(QUOTE);
          return;
        }
        sink.pos = at;
      }
      slow(row);
    },
    bound: 34,
    estimate: 28,
  };
}

/** Times of day; negative or huge ones (spelled oddly by `formatTime`) come from `columnCells`. */
function timeWriter(data: Data, json: boolean): Column | undefined {
  const micros = microsReader(data);
  if (!micros) return undefined;
  const slow = slowCells(data, json);
  return {
    write: (row) => {
      const value = micros(row);
      if (!(value >= 0 && value < TIME_LIMIT)) return slow(row);
      if (json) sink.byte(QUOTE);
      sink.time(value);
      if (json) sink.byte(QUOTE);
    },
    bound: 24,
    estimate: 17,
  };
}

/**
 * Text copied byte for byte. Valid UTF-8 decodes and re-encodes to itself, so only columns
 * whose bytes are valid UTF-8 with every cell starting on a character boundary take this
 * path; others (invalid bytes would become U+FFFD) keep `columnCells`.
 */
function utf8Writer(data: Data, json: boolean): Column | undefined {
  const offsets: unknown = data.valueOffsets;
  const bytes: unknown = data.values;
  const length = data.length;
  if (!(offsets instanceof Int32Array) || !(bytes instanceof Uint8Array) || offsets.length <= length) {
    return undefined;
  }
  const first = offsets[0]!;
  const last = offsets[length]!;
  if (first < 0 || last > bytes.length) return undefined;
  for (let i = 0; i < length; i++) if (offsets[i + 1]! < offsets[i]!) return undefined;
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const range = source.subarray(first, last);
  if (!isAscii(range)) {
    if (!isUtf8(range)) return undefined;
    for (let i = 1; i < length; i++) {
      const at = offsets[i]!;
      if (at < last && (source[at]! & 0xc0) === 0x80) return undefined;
    }
  }
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const estimate = Math.ceil((last - first) / Math.max(1, length)) + 2;
  if (json) {
    return {
      write: (row) => sink.jsonText(source, words, offsets[row]!, offsets[row + 1]!),
      bound: 0,
      estimate: estimate + 2,
    };
  }
  // One native scan says whether any cell can need quotes; most columns have none.
  const plain = [0x22, 0x2c, 0x0d, 0x0a].every((b) => range.indexOf(b) === -1);
  return {
    write: (row) => sink.csvText(source, words, offsets[row]!, offsets[row + 1]!, plain),
    bound: 0,
    estimate,
  };
}
