import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeMicrosecond,
  TimestampMicrosecond,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type Data,
} from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { parquetProperties } from './parquetSink';

const SAMPLE_ROWS = 16_384;
/** Encodes of the sample: about 0.1–0.2 s of one core, enough for V8 to find what is hot. */
const ROUNDS = 6;

/**
 * One column of every Arrow type an export writes (download/arrowTypes.ts), with nulls and
 * repeated text, as an Arrow IPC stream: it takes the encoder through the same encodings
 * (delta, dictionary, plain), statistics and compression as a real table.
 */
export function warmUpSample(): { schema: Schema; stream: Uint8Array } {
  const n = SAMPLE_ROWS;
  const fields = [
    new Field('integer', new Int64(), true),
    new Field('float', new Float64(), true),
    new Field('string', new Utf8(), true),
    new Field('date', new DateDay(), true),
    new Field('date_time', new TimestampMicrosecond(), true),
    new Field('time', new TimeMicrosecond(), true),
    new Field('boolean', new Bool(), true),
  ];
  const schema = new Schema(fields);
  const everyOther = new Uint8Array(Math.ceil(n / 8)).fill(0b01010101);
  const fixed = (index: number, data: ArrayLike<number | bigint>, nulls = false): Data =>
    makeData({
      type: fields[index]!.type,
      length: n,
      nullCount: nulls ? n / 2 : 0,
      nullBitmap: nulls ? everyOther : undefined,
      data,
    } as never);
  const children: Data[] = [
    fixed(
      0,
      BigInt64Array.from({ length: n }, (_, i) => BigInt(i * 7)),
    ),
    fixed(
      1,
      Float64Array.from({ length: n }, (_, i) => i / 3),
      true,
    ),
    vectorFromArray(
      Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : `value ${i % 37}`)),
      new Utf8(),
    ).data[0] as Data,
    fixed(
      3,
      Int32Array.from({ length: n }, (_, i) => 18_000 + (i % 900)),
    ),
    fixed(
      4,
      BigInt64Array.from({ length: n }, (_, i) => 1_600_000_000_000_000n + BigInt(i) * 1_000_003n),
    ),
    fixed(
      5,
      BigInt64Array.from({ length: n }, (_, i) => BigInt((i * 1_000_037) % 86_400_000_000)),
    ),
    vectorFromArray(
      Array.from({ length: n }, (_, i) => i % 3 === 0),
      new Bool(),
    ).data[0] as Data,
  ];
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length: n, nullCount: 0, children }),
  );
  return { schema, stream: tableToIPC(new Table(schema, [batch]), 'stream') };
}

/**
 * Runs the Parquet encoder over a sample until V8 has compiled its hot WebAssembly with the
 * optimizing tier. A process first runs WebAssembly in a baseline tier and recompiles what turns
 * out hot in the background, during the first export: that made the first Parquet export of a
 * session encode about 40 % slower (0.8–1.0 s of encoding for the 4M-row benchmark table where a
 * warm encoder takes 0.57 s) and cost 0.4–0.5 s more CPU. The compiled code is shared by every
 * thread of the process, so only the first encoder thread of a session needs this.
 */
export function warmUpParquetEncoder(): void {
  const { schema, stream } = warmUpSample();
  for (let round = 0; round < ROUNDS; round++) {
    // writeParquet takes the table and frees it; the output is dropped.
    writeParquet(WasmTable.fromIPCStream(stream), parquetProperties(schema));
  }
}
