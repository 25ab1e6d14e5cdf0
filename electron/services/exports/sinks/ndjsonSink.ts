import type { RecordBatch, Schema } from 'apache-arrow';
import { ndjsonKeys, ndjsonRows, slicesOf } from '../textRows';
import type { BatchSink } from './batchSink';
import type { OutputFile } from './outputFile';

/** Newline-delimited JSON (see `ndjsonRows` for how values are spelled). */
export class NdjsonSink implements BatchSink {
  private readonly keys: string[];

  constructor(
    private readonly file: OutputFile,
    schema: Schema,
  ) {
    this.keys = ndjsonKeys(schema);
  }

  async write(batch: RecordBatch): Promise<void> {
    for (const slice of slicesOf(batch))
      await this.file.write([Buffer.from(ndjsonRows(slice, this.keys), 'utf8')]);
  }

  async finish(): Promise<void> {
    await this.file.close(true);
  }

  async abort(): Promise<void> {
    await this.file.close(false);
  }
}
