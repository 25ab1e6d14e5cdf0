import {
  Bool,
  DateDay,
  DateMillisecond,
  Decimal,
  Dictionary,
  Field,
  Float16,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Null,
  RecordBatch,
  Schema,
  Struct,
  TimeMicrosecond,
  TimeMillisecond,
  TimeNanosecond,
  TimeSecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  tableFromArrays,
  vectorFromArray,
  type DataType,
  type Data,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../emulator/src/demo/random';
import { ByteSink } from './byteCells';
import { csvRows, ndjsonKeys, ndjsonRows } from './textRows';
import { encodeCsvRows, encodeNdjsonRows, recycleTextBuffer } from './textBatchEncoder';

// Seeded, so failures reproduce.
const random = seededRandom(20_240_601);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Every 7th cell null, plus the given values in order, padded with random draws. */
function withNulls<T>(values: readonly T[], draw: () => T, length = 600): (T | null)[] {
  const out: (T | null)[] = [];
  for (let i = 0; i < length; i++) {
    if (i % 7 === 3) out.push(null);
    else out.push(i < values.length ? values[i]! : draw());
  }
  return out;
}

function column<T>(values: (T | null)[], type: DataType): Data {
  return vectorFromArray(values, type).data[0]!;
}

function batchOf(columns: Record<string, Data>): RecordBatch {
  return new RecordBatch(columns);
}

/**
 * Exact byte equality. On a mismatch only the bytes around the first difference are compared
 * (as latin1, one character per byte), which keeps failures readable on megabytes of output.
 */
function expectSameBytes(actual: Uint8Array, expected: string): void {
  const got = Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength);
  const want = Buffer.from(expected, 'utf8');
  if (got.equals(want)) return;
  let at = 0;
  while (at < got.length && at < want.length && got[at] === want[at]) at++;
  const around = (bytes: Buffer) => bytes.subarray(Math.max(0, at - 80), at + 80).toString('latin1');
  expect({ at, length: got.length, bytes: around(got) }).toEqual({
    at,
    length: want.length,
    bytes: around(want),
  });
}

function expectIdentical(batch: RecordBatch): void {
  const keys = ndjsonKeys(batch.schema);
  expectSameBytes(encodeCsvRows(batch), csvRows(batch));
  expectSameBytes(encodeNdjsonRows(batch, keys), ndjsonRows(batch, keys));
}

/** The batch itself and slices of it, so offsets into values and validity bits are non-zero. */
function expectIdenticalWithSlices(batch: RecordBatch): void {
  expectIdentical(batch);
  const n = batch.numRows;
  const cuts: [number, number][] = [
    [1, n],
    [3, Math.max(3, n - 5)],
    [n >> 1, n],
    [n - 1, n],
    [5, 5],
  ];
  for (let i = 0; i < 4; i++) {
    const a = Math.floor(random() * n);
    cuts.push([a, a + Math.floor(random() * (n - a))]);
  }
  for (const [a, b] of cuts) expectIdentical(batch.slice(Math.min(a, n), Math.min(b, n)));
}

const STRINGS = [
  '',
  'plain',
  'a,b',
  'say "hi"',
  '"',
  '""',
  ',',
  'line\nbreak',
  'cr\rhere',
  'crlf\r\n',
  'é',
  '漢字',
  'emoji 😀 and 👍🏽',
  '\u0000\u0001\u0007\u001f\u007f',
  '\b\f\n\r\t',
  'back\\slash',
  '\\"',
  '\u2028\u2029',
  '\uFEFFbom',
  ' leading and trailing ',
  'x'.repeat(200),
  `long ${'é,"'.repeat(100)}`,
];
/** Each character that needs escaping at each position of a 4-byte word, alone in its word. */
const ESCAPE_POSITIONS = ['"', '\\', '\u0000', '\u001f', '\n', ','].flatMap((special) =>
  Array.from({ length: 8 }, (_, at) => `${'x'.repeat(at)}${special}yz`),
);
const CHARS = [
  'a',
  'Z',
  '0',
  ' ',
  ',',
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '\u0001',
  'é',
  '漢',
  '😀',
  '\u007f',
  '/',
];
const randomString = (): string =>
  Array.from({ length: Math.floor(random() * 12) }, () => pick(CHARS)).join('');

const TWO_53 = 2n ** 53n;
const INT64_EDGES = [
  0n,
  1n,
  -1n,
  TWO_53 - 1n,
  TWO_53,
  TWO_53 + 1n,
  -(TWO_53 - 1n),
  -TWO_53,
  -TWO_53 - 1n,
  2n ** 63n - 1n,
  -(2n ** 63n),
  2n ** 32n,
  2n ** 32n - 1n,
  -(2n ** 32n),
  -(2n ** 32n) - 1n,
  2n ** 31n,
  -(2n ** 31n),
  999_999_999n,
  1_000_000_000n,
  -1_000_000_000n,
  123_456_789_012_345n,
];
/** 64-bit integers of every magnitude. */
const randomInt64 = (): bigint => {
  const bits = BigInt(Math.floor(random() * 63) + 1);
  const magnitude = BigInt(Math.floor(random() * 2 ** 52)) % 2n ** bits;
  return random() < 0.5 ? -magnitude : magnitude;
};

const FLOAT_EDGES = [
  0,
  -0,
  1,
  -1,
  1e21,
  1e-7,
  1e-6,
  0.000001,
  0.0000015,
  9.99e-7,
  0.1 + 0.2,
  0.1,
  NaN,
  Infinity,
  -Infinity,
  5e-324,
  2.2250738585072014e-308,
  2.225073858507201e-308,
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER,
  1e15,
  1e15 - 1,
  1e15 - 0.125,
  1e14 - 0.015625,
  1e14 + 0.5,
  1.25,
  1e14 + 0.5,
  123.45,
  -123.45,
  1234.56,
  0.5,
  9.995,
  1e20,
  123_456_789.12345678,
  0.12345678,
  0.123456789,
];
const float64View = new Float64Array(1);
const wordsView = new Uint32Array(float64View.buffer);
/** Any double at all (random bits), or a value with a few decimals, as real data has. */
const randomFloat = (): number => {
  const kind = random();
  if (kind < 0.3) {
    wordsView[0] = Math.floor(random() * 2 ** 32);
    wordsView[1] = Math.floor(random() * 2 ** 32);
    return float64View[0]!;
  }
  if (kind < 0.5) return (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
  const decimals = Math.floor(random() * 11);
  const scale = 10 ** Math.floor(random() * 16);
  return Math.round((random() - 0.5) * scale * 10 ** decimals) / 10 ** decimals;
};

const MICROS_PER_DAY = 86_400_000_000n;
const TIMESTAMP_EDGES = [
  0n,
  -1n,
  1n,
  999_999n,
  1_000_000n,
  -1_000_000n,
  -898_882_050_000_587n, // 1941
  -62_135_596_800_000_000n, // 0001-01-01
  -62_167_219_200_000_001n, // just before year 0
  253_402_300_799_999_999n, // 9999-12-31 23:59:59.999999
  253_402_300_800_000_000n, // 10000-01-01
  32_503_680_000_000_000n, // 3000-01-01
  TWO_53 - 1n,
  TWO_53,
  TWO_53 + 1n,
  -TWO_53,
  -TWO_53 + 1n,
  -TWO_53 - 1n,
  2n ** 63n - 1n,
  -(2n ** 63n),
  104_249n * MICROS_PER_DAY - 1n,
  -104_249n * MICROS_PER_DAY - 1n,
  -104_249n * MICROS_PER_DAY + 1n,
];
/** Mostly around today ±300 years, some whole seconds, some anywhere in int64. */
const randomTimestamp = (): bigint => {
  const kind = random();
  if (kind < 0.05) return randomInt64();
  const micros = BigInt(Math.floor((random() - 0.5) * 2 * 9e15));
  return kind < 0.4 ? (micros / 1_000_000n) * 1_000_000n : micros;
};

/** 64-bit cells built from raw values (the builders take temporal values as Numbers). */
function int64Data(
  type:
    | Int64
    | TimestampSecond
    | TimestampMillisecond
    | TimestampMicrosecond
    | TimestampNanosecond
    | TimeMicrosecond
    | TimeNanosecond,
  values: (bigint | null)[],
): Data {
  const data = new BigInt64Array(values.length);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((value, i) => {
    if (value === null) nulls += 1;
    else {
      data[i] = value;
      valid[i >> 3]! |= 1 << (i & 7);
    }
  });
  return makeData({ type, length: values.length, nullCount: nulls, nullBitmap: valid, data } as never);
}

describe('encodeCsvRows / encodeNdjsonRows', () => {
  it('match for text: quotes, separators, line breaks, control characters and non-ASCII', () => {
    expectIdenticalWithSlices(
      batchOf({
        text: column(withNulls([...STRINGS, ...ESCAPE_POSITIONS], randomString), new Utf8()),
        'odd "name", too': column(
          withNulls(['ok'], () => pick(STRINGS)),
          new Utf8(),
        ),
        plain: column(
          withNulls(['alpha', 'beta'], () => pick(['alpha', 'beta', 'gamma', ''])),
          new Utf8(),
        ),
        ascii: column(
          withNulls(['a"b'], () => pick(['x', 'y\\z', 'tab\t', 'q"'])),
          new Utf8(),
        ),
      }),
    );
    // One column per character that needs CSV quotes, so no other character hides a miss.
    for (const special of ['"', ',', '\r', '\n']) {
      expectIdenticalWithSlices(
        batchOf({
          only: column(
            withNulls([`a${special}b`], () => pick(['x', '', `${special}y`])),
            new Utf8(),
          ),
        }),
      );
    }
  });

  it('match for text that is not valid UTF-8, or whose cells split a character', () => {
    const bytes = Uint8Array.from([0x61, 0xff, 0xc3, 0xa9, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0x62, 0xe6]);
    const cells = (offsets: number[]) =>
      makeData({
        type: new Utf8(),
        length: offsets.length - 1,
        nullCount: 0,
        valueOffsets: Int32Array.from(offsets),
        data: bytes,
      });
    expectIdentical(batchOf({ invalid: cells([0, 2, 4, 6, 9, 11]) }));
    // "éé" whole is valid, but cut mid-character into cells.
    expectIdentical(batchOf({ split: cells([2, 3, 5, 6]) }));
    expectIdentical(batchOf({ valid: cells([2, 4, 4, 6]) }));
  });

  it('match for 64-bit integers around ±2^53 and the int64 limits', () => {
    const uint64Edges = [0n, 1n, TWO_53 - 1n, TWO_53, TWO_53 + 1n, 2n ** 64n - 1n, 2n ** 32n];
    const randomUint64 = () => (randomInt64() < 0n ? -randomInt64() : randomInt64()) * 3n;
    expectIdenticalWithSlices(
      batchOf({
        int64: int64Data(new Int64(), withNulls(INT64_EDGES, randomInt64)),
        uint64: column(
          withNulls(uint64Edges, () => randomUint64() % 2n ** 64n),
          new Uint64(),
        ),
      }),
    );
  });

  it('match for 8- to 32-bit integers', () => {
    const ints = (min: number, max: number) =>
      withNulls(
        [0, min, max, -1, 1].filter((v) => v >= min && v <= max),
        () => Math.floor(min + random() * (max - min + 1)),
      );
    expectIdenticalWithSlices(
      batchOf({
        int8: column(ints(-128, 127), new Int8()),
        int16: column(ints(-32_768, 32_767), new Int16()),
        int32: column(ints(-2_147_483_648, 2_147_483_647), new Int32()),
        uint8: column(ints(0, 255), new Uint8()),
        uint16: column(ints(0, 65_535), new Uint16()),
        uint32: column(ints(0, 4_294_967_295), new Uint32()),
      }),
    );
  });

  it('match for floats: signed zeros, exponents, subnormals, non-finite and random doubles', () => {
    const batch = batchOf({
      float64: column(withNulls(FLOAT_EDGES, randomFloat, 20_000), new Float64()),
      float32: column(withNulls(FLOAT_EDGES, randomFloat, 20_000), new Float32()),
      float16: column(
        withNulls([0, 1, -2.5, 65_504], () => random() * 100, 50),
        new Float16(),
      ),
    });
    expectIdentical(batch);
    expectIdentical(batch.slice(0, 50));
    expectIdentical(batch.slice(11, 20_000));
  });

  it('match for values with a few decimals, as measurements have', () => {
    // Decimals change from value to value here, so every hint the writer keeps gets tested.
    const values = Array.from({ length: 200_000 }, (_, i) => {
      const decimals = i % 11 < 9 ? i % 11 : Math.floor(random() * 9);
      const magnitude = 10 ** ((i >> 3) % 16);
      const sign = i % 3 === 0 ? -1 : 1;
      return (sign * Math.round(((i * 2_654_435_761) % 1_000_003) * magnitude)) / 10 ** decimals;
    });
    expectIdentical(batchOf({ value: column(values, new Float64()) }));
  });

  it('match for dates, including years before 1 and after 9999', () => {
    const edges = [
      0,
      -1,
      1,
      11_016,
      -719_468,
      -719_469,
      -719_162,
      2_932_896,
      2_932_897,
      2 ** 31 - 1,
      -(2 ** 31),
    ];
    const randomDay = () =>
      random() < 0.9 ? Math.floor((random() - 0.5) * 200_000) : Math.floor((random() - 0.5) * 2 ** 32);
    expectIdenticalWithSlices(
      batchOf({
        day: column(withNulls(edges, randomDay, 6000), new DateDay()),
        millis: makeData({
          type: new DateMillisecond(),
          length: 3,
          nullCount: 0,
          data: BigInt64Array.from([0n, 86_400_000n, -1n]),
        }),
      }),
    );
  });

  it('match for microsecond timestamps before 1970, far in the future, with and without fractions', () => {
    expectIdenticalWithSlices(
      batchOf({
        at: int64Data(new TimestampMicrosecond(), withNulls(TIMESTAMP_EDGES, randomTimestamp, 6000)),
        sameDay: int64Data(
          new TimestampMicrosecond(),
          withNulls([], () => 1_577_836_800_000_000n + BigInt(Math.floor(random() * 86_400)) * 37_000_123n),
        ),
      }),
    );
  });

  it('match for second, millisecond and nanosecond timestamps', () => {
    const scaled = (divisor: bigint) => (v: bigint | null) => (v === null ? null : v / divisor);
    const timestamps = withNulls(TIMESTAMP_EDGES, randomTimestamp, 3000);
    const nanos = withNulls(
      [0n, -1n, -999n, -1000n, -1001n, 1n, 999n, 2n ** 63n - 1n, -(2n ** 63n), TWO_53 * 1000n + 999n],
      () => randomTimestamp() * 1000n + BigInt(Math.floor(random() * 1000)),
      3000,
    );
    expectIdenticalWithSlices(
      batchOf({
        seconds: int64Data(
          new TimestampSecond(),
          timestamps.map(scaled(1_000_000n)).map((v, i) => (i === 5 ? 2n ** 63n - 1n : v)),
        ),
        millis: int64Data(new TimestampMillisecond(), timestamps.map(scaled(1000n))),
        nanos: int64Data(new TimestampNanosecond(), nanos),
      }),
    );
  });

  it('match for times of day, also out-of-range and negative ones', () => {
    const edges = [
      0n,
      1n,
      86_399_999_999n,
      3_723_000_001n,
      86_400_000_000n,
      -1n,
      2n ** 40n - 1n,
      2n ** 40n,
      TWO_53,
    ];
    const randomMicros = () =>
      random() < 0.9 ? BigInt(Math.floor(random() * 86_400_000_000)) : randomInt64();
    const seconds = withNulls([0, 1, 86_399, -1, 2 ** 31 - 1, -(2 ** 31)], () =>
      Math.floor(random() * 86_400),
    );
    expectIdenticalWithSlices(
      batchOf({
        micros: int64Data(new TimeMicrosecond(), withNulls(edges, randomMicros, 3000)),
        seconds: column(seconds.slice(0, 600), new TimeSecond()),
        millis: column(
          withNulls([0, 86_399_999, -1, 2 ** 31 - 1], () => Math.floor(random() * 86_400_000)),
          new TimeMillisecond(),
        ),
        nanos: int64Data(
          new TimeNanosecond(),
          withNulls(
            [0n, -1n, -1001n, 86_399_999_999_999n, 2n ** 63n - 1n],
            () => BigInt(Math.floor(random() * 86_400_000_000)) * 1000n + BigInt(Math.floor(random() * 1000)),
          ),
        ),
      }).slice(0, 600),
    );
  });

  it('match for booleans and for types spelled through columnCells', () => {
    const decimal = makeData({
      type: new Decimal(2, 10, 128),
      length: 3,
      nullCount: 0,
      data: Uint32Array.from([12_345, 0, 0, 0, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 7, 0, 0, 0]),
    });
    const list = column([[1, 2], null, [], [3]], new List(new Field('item', new Int32(), true)));
    const dictionary = column(
      withNulls(['b', 'a', 'b'], () => pick(['x,y', 'é', '"q"', '']), 40),
      new Dictionary(new Utf8(), new Int32()),
    );
    const nulls = makeData({ type: new Null(), length: 40 });
    const flags = withNulls([true, false], () => random() < 0.5, 40);
    expectIdenticalWithSlices(
      batchOf({
        flag: column(flags, new Bool()),
        dictionary,
        nothing: nulls,
        allNull: column(
          Array.from({ length: 40 }, () => null),
          new Utf8(),
        ),
      }).slice(0, 40),
    );
    expectIdentical(batchOf({ decimal, list: list.slice(0, 3) }));
    expectIdentical(batchOf({ list }));
  });

  it('match for every type together, on a whole 65,536-row batch', () => {
    const n = 65_536;
    const table = tableFromArrays({
      id: BigInt64Array.from({ length: n }, (_, i) => BigInt(i + 1)),
      value: Float64Array.from(
        { length: n },
        (_, i) => Math.round(((i * 2654435761) % 1_000_003) / 10) / 100,
      ),
      category: Array.from({ length: n }, (_, i) => ['alpha', 'beta', 'gamma', 'dé,lta'][i % 4]!),
      flag: Array.from({ length: n }, (_, i) => i % 5 !== 0),
    });
    const data = table.batches[0]!.data.children;
    const [id, value, category, flag] = table.schema.fields;
    const batch = batchOf({
      [id!.name]: data[0]!,
      [value!.name]: data[1]!,
      [category!.name]: column(
        Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : pick(STRINGS))),
        new Utf8(),
      ),
      plain: data[2]!,
      [flag!.name]: data[3]!,
      day: column(
        Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : 18_262 + (i % 1461))),
        new DateDay(),
      ),
      at: int64Data(
        new TimestampMicrosecond(),
        Array.from({ length: n }, (_, i) =>
          i % 17 === 0 ? null : 1_577_836_800_000_000n + BigInt(i) * 37_000_123n,
        ),
      ),
    });
    expectIdentical(batch);
    expectIdentical(batch.slice(1000, 60_000));
  });

  it('reuse the buffers of written results, and still match', () => {
    const rows = (first: number, count: number) =>
      batchOf({
        id: column(
          Array.from({ length: count }, (_, i) => first + i),
          new Int32(),
        ),
        text: column(
          Array.from({ length: count }, () => pick(STRINGS)),
          new Utf8(),
        ),
      });
    const first = encodeCsvRows(rows(0, 5000));
    const buffer = first.buffer as ArrayBuffer;
    recycleTextBuffer(buffer);
    // A smaller batch fits in those bytes: reuse must never mix in the old content.
    const batch = rows(7, 2000);
    const second = encodeCsvRows(batch);
    expect(second.buffer).toBe(buffer);
    expectSameBytes(second, csvRows(batch));
    recycleTextBuffer(second.buffer as ArrayBuffer);
    const keys = ndjsonKeys(batch.schema);
    const third = encodeNdjsonRows(batch, keys);
    expectSameBytes(third, ndjsonRows(batch, keys));
  });

  it('match for a zero-row batch and a zero-column batch', () => {
    const empty = batchOf({
      id: column([], new Int64()),
      text: column([], new Utf8()),
    });
    expect(encodeCsvRows(empty).byteLength).toBe(0);
    expectIdentical(empty);
    const noColumns = new RecordBatch(
      new Schema([]),
      makeData({ type: new Struct([]), length: 5, nullCount: 0, children: [] }),
    );
    expectIdentical(noColumns);
    expectIdentical(noColumns.slice(2, 4));
  });

  it('grows past its estimate mid-row, for large cells and for escapes that multiply bytes', () => {
    const big = 'é,"x'.repeat(1_000_000);
    expectIdentical(
      batchOf({
        n: column([1, 2, 3, 4], new Int32()),
        text: column([big, 'small', null, big.slice(0, 999)], new Utf8()),
        after: column(['a', 'b', 'c', 'd'], new Utf8()),
      }),
    );
    // Each byte becomes two in CSV (quotes doubled) and six in NDJSON (\u0001).
    const dense = (char: string) =>
      column(
        withNulls([], () => char.repeat(5000), 200),
        new Utf8(),
      );
    expectIdentical(
      batchOf({
        n: column(
          withNulls([], () => 7, 200),
          new Int32(),
        ),
        quotes: dense('"'),
      }),
    );
    expectIdentical(
      batchOf({
        n: column(
          withNulls([], () => 7, 200),
          new Int32(),
        ),
        controls: dense('\u0001'),
      }),
    );
  });

  it('keeps room for the rest of a row after a cell that reserves only its own size', () => {
    const sink = new ByteSink();
    sink.begin(24, 12); // 24 bytes, rows whose fixed-size cells take at most 12
    sink.reserve(12);
    const text = Buffer.from('x'.repeat(20));
    sink.csvText(text, new DataView(text.buffer, text.byteOffset, text.byteLength), 0, 20, true);
    sink.int(-1_234_567_890);
    sink.byte(0x0a);
    expect(sink.finish().toString()).toBe(`${'x'.repeat(20)}-1234567890\n`);
  });

  it('returns buffers of their own, that can be transferred', () => {
    const batch = batchOf({
      text: column(['small', 'x', null], new Utf8()),
      n: column([1, 2, 3], new Int32()),
    });
    const first = encodeCsvRows(batch);
    const second = encodeCsvRows(batch.slice(0, 1));
    expect(Buffer.from(second).toString()).toBe('small,1\n');
    expect(second.buffer).not.toBe(first.buffer);
    const third = encodeNdjsonRows(batch, ndjsonKeys(batch.schema));
    expect(new Set([first.buffer, second.buffer, third.buffer]).size).toBe(3);
    for (const bytes of [first, second, third]) expect(bytes.byteOffset).toBe(0);
  });

  it('writes the keys it is given, even ones ndjsonKeys would not produce', () => {
    const batch = batchOf({ a: column([1, null], new Int32()), b: column(['x', null], new Utf8()) });
    for (const keys of [['{"é":', ',"b\\"":'], ['{"a":']]) {
      expectSameBytes(encodeNdjsonRows(batch, keys), ndjsonRows(batch, keys));
    }
  });
});
