/** Turns row-at-a-time cell values into record batches of a bounded size for a {@link BatchSink}. */
import type { Schema } from 'apache-arrow';
import { batchFromColumns, type BatchSink } from './batchSink.js';
import { batchRowsFor } from './batchSize.js';
import { ColumnAccumulator, schemaFor, type CellValue } from './columnAccumulator.js';
import type { IngestedVariable } from './ingestTypes.js';

export class RowBatcher {
  readonly schema: Schema;
  private readonly columns: ColumnAccumulator[];
  private readonly batchRows: number;
  private rows = 0;

  constructor(
    private readonly sink: BatchSink,
    variables: IngestedVariable[],
    maxBatchRows?: number | null,
    /** Rows the second pass will produce, known from the first pass; drives progress. */
    private readonly expectedRows = 0,
  ) {
    this.schema = schemaFor(variables);
    this.batchRows = Math.min(batchRowsFor(variables.length), maxBatchRows ?? Number.POSITIVE_INFINITY);
    this.columns = variables.map((v) => new ColumnAccumulator(v.type, this.batchRows));
  }

  get numRows(): number {
    return this.rows;
  }

  begin(): Promise<void> {
    return this.sink.begin(this.schema);
  }

  /** Sets cell `c` of the current row; every column must be set once per row. */
  set(c: number, value: CellValue): void {
    this.columns[c]!.push(value);
  }

  async endRow(): Promise<void> {
    this.rows++;
    if (this.columns[0]!.size >= this.batchRows) await this.flush();
  }

  async finish(): Promise<number> {
    await this.flush();
    return this.rows;
  }

  private async flush(): Promise<void> {
    const length = this.columns[0]?.size ?? 0;
    if (length === 0) return;
    const data = this.columns.map((col) => col.flush());
    await this.sink.write(batchFromColumns(this.schema, data, length));
    // The first pass counts as the first half of the work.
    if (this.expectedRows > 0) this.sink.progress?.(0.5 + 0.5 * (this.rows / this.expectedRows));
  }
}
