import { RecordBatch, Struct, makeData, type Data, type Schema } from 'apache-arrow';

/**
 * Where ingest puts its record batches. `begin` is called exactly once, before any `write`,
 * even for files without rows, so the receiver always learns the schema. The server passes a
 * table segment writer; tests may collect batches in memory or write an IPC file.
 */
export interface BatchSink {
  begin(schema: Schema): Promise<void>;
  write(batch: RecordBatch): Promise<void>;
  /** Optional progress report, a fraction in [0, 1] (only when the total is known). */
  progress?(fraction: number): void;
}

/** Assembles per-column data (in schema order) into a record batch. */
export function batchFromColumns(schema: Schema, columns: Data[], length: number): RecordBatch {
  const struct = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children: columns });
  return new RecordBatch(schema, struct);
}

/** Collects batches in memory; for tests and small inputs only. */
export class MemoryBatchSink implements BatchSink {
  schema: Schema | null = null;
  readonly batches: RecordBatch[] = [];

  async begin(schema: Schema): Promise<void> {
    this.schema = schema;
  }

  async write(batch: RecordBatch): Promise<void> {
    this.batches.push(batch);
  }
}
