import type { RecordBatch, Schema } from 'apache-arrow';
import { encodeTextRows } from '../textBatchEncoder';
import { csvHeader } from '../textRows';
import type { BatchSink } from './batchSink';
import type { OutputFile } from './outputFile';

/** CSV with a header row, comma-separated, `\n` line ends, nulls as empty fields. */
export class CsvSink implements BatchSink {
  constructor(
    private readonly file: OutputFile,
    private readonly schema: Schema,
  ) {}

  async start(): Promise<void> {
    await this.file.write([Buffer.from(csvHeader(this.schema), 'utf8')]);
  }

  async write(batch: RecordBatch): Promise<void> {
    for (const bytes of encodeTextRows('csv', batch, [])) await this.file.write([bytes]);
  }

  async finish(): Promise<void> {
    await this.file.close(true);
  }

  async abort(): Promise<void> {
    await this.file.close(false);
  }
}
