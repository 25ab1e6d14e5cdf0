import type { RecordBatch, Schema } from 'apache-arrow';
import { encodeTextRows } from '../textBatchEncoder';
import { ndjsonKeys } from '../textRows';
import type { BatchSink } from './batchSink';
import type { OutputFile } from './outputFile';

/** Newline-delimited JSON (see `ndjsonRows` in textRows.ts for how values are spelled). */
export class NdjsonSink implements BatchSink {
  private readonly keys: string[];

  constructor(
    private readonly file: OutputFile,
    schema: Schema,
  ) {
    this.keys = ndjsonKeys(schema);
  }

  async write(batch: RecordBatch): Promise<void> {
    for (const bytes of encodeTextRows('ndjson', batch, this.keys)) await this.file.write([bytes]);
  }

  async finish(): Promise<void> {
    await this.file.close(true);
  }

  async abort(): Promise<void> {
    await this.file.close(false);
  }
}
