import { DataType, type RecordBatch, type Schema } from 'apache-arrow';
import {
  Compression,
  Encoding,
  Table as WasmTable,
  WriterPropertiesBuilder,
  type WriterProperties,
  transformParquetStream,
  type RecordBatch as WasmRecordBatch,
} from 'parquet-wasm';
import type { StreamBatch } from '../../redivis/streamBatch';
import type { BatchSink } from './batchSink';
import type { OutputFile } from './outputFile';
import { ParquetInput } from './parquetInput';

/** Rows per Parquet row group: bounds the encoder's buffer whatever the table size. */
export const ROW_GROUP_ROWS = 128 * 1024;

/** How each column is encoded, chosen by its Arrow type. */
function columnEncoding(type: DataType): 'dictionary' | 'delta' | 'plain' {
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'dictionary';
  if (DataType.isInt(type) || DataType.isDate(type) || DataType.isTime(type) || DataType.isTimestamp(type)) {
    return 'delta';
  }
  return 'plain';
}

/**
 * Snappy, as polars and DuckDB write by default, with Parquet 1 data pages, which every reader
 * takes. Each column gets the encoding that suits its values:
 * - text: a dictionary, which pays off where values repeat (codes, categories);
 * - integers, dates, times and timestamps: DELTA_BINARY_PACKED (in the format since 2.0 and read
 *   by pyarrow, R arrow, polars, DuckDB and Spark), which stores the differences between
 *   neighbours in as few bits as they need: small codes take a few bits, sequential ids and
 *   timestamps little more;
 * - floats and booleans: plain.
 * No dictionary for numbers: they rarely repeat, so arrow-rs filled its 1 MB dictionary page and
 * fell back to plain encoding with both kept in the file. On the benchmark table (4M rows) the
 * encode takes about 0.9 s of CPU for a 19 MB file, where dictionaries on every column took
 * about 3.7 s for 88 MB and polars writes 68 MB (see the README's Parquet comparison).
 */
export function parquetProperties(schema: Schema, rowGroupRows = ROW_GROUP_ROWS): WriterProperties {
  let builder = new WriterPropertiesBuilder()
    .setCompression(Compression.SNAPPY)
    .setMaxRowGroupSize(rowGroupRows)
    .setDictionaryEnabled(false);
  for (const field of schema.fields) {
    const encoding = columnEncoding(field.type);
    if (encoding === 'dictionary') builder = builder.setColumnDictionaryEnabled(field.name, true);
    if (encoding === 'delta') builder = builder.setColumnEncoding(field.name, Encoding.DELTA_BINARY_PACKED);
  }
  return builder.build();
}

/**
 * Encoded bytes between two collections. Each row group leaves the encoder as a new buffer of a
 * few MB outside the JavaScript heap; this thread makes so little other garbage that V8, left to
 * itself, collects only once some 64 MB of them are dead.
 */
const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;

type Give = (batch: WasmRecordBatch | null) => void;

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Parquet through parquet-wasm's streaming writer (see `parquetProperties`). The encoder pulls one batch at a
 * time (a stream with no buffer), so `write` resolves only when it has room, and the encoded
 * bytes are written to the file as they come out: memory stays near one row group.
 */
export class ParquetSink implements BatchSink {
  private demand = deferred<Give>();
  private readonly pump: Promise<void>;
  private readonly stopped: Promise<never>;
  private wroteRows = false;
  private readonly input: ParquetInput;
  private uncollected = 0;

  /** `collectGarbage` frees the encoder's spent output buffers; without it V8 decides when. */
  constructor(
    private readonly file: OutputFile,
    schema: Schema,
    private readonly collectGarbage?: () => void,
  ) {
    this.input = new ParquetInput(schema);
    const source = new ReadableStream<WasmRecordBatch>(
      {
        pull: (controller) =>
          new Promise<void>((pulled) => {
            this.demand.resolve((batch) => {
              if (batch) controller.enqueue(batch);
              else controller.close();
              pulled();
            });
          }),
      },
      { highWaterMark: 0 },
    );
    const properties = parquetProperties(schema);
    this.pump = (async () => {
      const encoded = (await transformParquetStream(source, properties)) as ReadableStream<Uint8Array>;
      for await (const chunk of encoded as unknown as AsyncIterable<Uint8Array>) {
        await this.file.write([chunk]);
        this.spent(chunk.byteLength);
      }
    })();
    // If the encoder ends or fails while a batch waits for room, the writer must not hang.
    this.stopped = this.pump.then(() => {
      throw new Error('The Parquet encoder stopped before the end of the data.');
    });
    this.stopped.catch(() => undefined);
  }

  private spent(bytes: number): void {
    this.uncollected += bytes;
    if (!this.collectGarbage || this.uncollected < COLLECT_EVERY_BYTES) return;
    this.uncollected = 0;
    this.collectGarbage();
  }

  private async give(batch: WasmRecordBatch | null): Promise<void> {
    const give = await Promise.race([this.demand.promise, this.stopped]);
    this.demand = deferred<Give>();
    give(batch);
  }

  async write(batch: RecordBatch): Promise<void> {
    if (batch.numRows === 0) return;
    this.wroteRows = true;
    await this.giveTable(WasmTable.fromIPCStream(this.input.ofBatch(batch)));
  }

  async writeEncoded(batch: StreamBatch): Promise<void> {
    if (batch.numRows === 0) return;
    this.wroteRows = true;
    await this.giveTable(WasmTable.fromIPCStream(this.input.ofMessage(batch.message)));
  }

  /**
   * Hands a table's batches to the encoder, then frees the table: objects in WebAssembly
   * memory are not collected with their JavaScript handles, and the heap never shrinks.
   */
  private async giveTable(wasmTable: WasmTable): Promise<void> {
    try {
      for (const wasmBatch of wasmTable.recordBatches()) await this.give(wasmBatch);
    } finally {
      wasmTable.free();
    }
  }

  async finish(): Promise<void> {
    // The encoder learns the schema from the batches: an empty export still needs one.
    if (!this.wroteRows) await this.giveTable(WasmTable.fromIPCStream(this.input.empty()));
    await this.give(null);
    await this.pump;
    await this.file.close(true);
  }

  async abort(): Promise<void> {
    await this.file.close(false).catch(() => undefined);
  }
}
