/**
 * Arrow IPC (file or stream) and Parquet uploads → stored Arrow. Both are read batch by batch
 * (Parquet through parquet-wasm's row-group streaming over a file Blob) so memory stays bounded.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { RecordBatchReader, tableFromIPC, type RecordBatch, type Schema } from 'apache-arrow';
import { ParquetFile, type RecordBatch as WasmRecordBatch } from 'parquet-wasm/node';
import { batchFromColumns, type BatchSink } from './batchSink.js';
import { schemaFor } from './columnAccumulator.js';
import { IngestError, type IngestFileType, type IngestResult, type IngestedVariable } from './ingestTypes.js';
import { normalizeColumn, variablesFor } from './normalizeColumns.js';

const ARROW_FILE_MAGIC = 'ARROW1';

async function* arrowBatches(path: string): AsyncGenerator<RecordBatch> {
  const head = Buffer.alloc(6);
  const handle = await fsp.open(path, 'r');
  try {
    await handle.read(head, 0, 6, 0);
  } finally {
    await handle.close();
  }
  if (head.toString('latin1') === ARROW_FILE_MAGIC) {
    // The file format needs random access to its footer; a FileHandle gives that lazily.
    const file = await fsp.open(path, 'r');
    try {
      const reader = await RecordBatchReader.from(file);
      await reader.open();
      for await (const batch of reader) yield batch;
    } finally {
      await file.close().catch(() => undefined);
    }
    return;
  }
  const reader = await RecordBatchReader.from(fs.createReadStream(path));
  for await (const batch of reader) yield batch;
}

async function* parquetBatches(path: string): AsyncGenerator<RecordBatch> {
  const file = await ParquetFile.fromFile(await fs.openAsBlob(path));
  try {
    const stream = await file.stream({ batchSize: 65_536 });
    for await (const wasmBatch of stream as AsyncIterable<WasmRecordBatch>) {
      const table = tableFromIPC(wasmBatch.intoIPCStream());
      for (const batch of table.batches) yield batch;
    }
  } finally {
    file.free();
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function ingestColumnar(
  fileType: Extract<IngestFileType, 'arrow' | 'parquet'>,
  inputPath: string,
  sink: BatchSink,
): Promise<IngestResult> {
  const label = fileType === 'arrow' ? 'Arrow' : 'Parquet';
  const source = fileType === 'arrow' ? arrowBatches(inputPath) : parquetBatches(inputPath);
  let schema: Schema | null = null;
  let variables: IngestedVariable[] = [];
  let numRows = 0;
  try {
    for await (const batch of source) {
      if (!schema) {
        variables = variablesFor(batch.schema as Schema);
        if (variables.length === 0) throw new IngestError(`The ${label} file has no columns.`);
        schema = schemaFor(variables);
        await sink.begin(schema);
      }
      if (batch.numRows === 0) continue;
      const columns = variables.map((v, i) => normalizeColumn(batch.data.children[i]!, v.type));
      await sink.write(batchFromColumns(schema, columns, batch.numRows));
      numRows += batch.numRows;
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`Could not read the ${label} file: ${describe(err)}`);
  }
  if (!schema) throw new IngestError(`The ${label} file contains no schema or data.`);
  return { fileType, variables, numRows, badRecordsCount: 0 };
}
