/**
 * Writers for one export part file. CSV and NDJSON are streamed batch by batch; Parquet is
 * encoded per part by parquet-wasm, so a part's rows are held in memory (parts are bounded by
 * `exportPartMaxRows`).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { once } from 'node:events';
import { Table, tableToIPC, type RecordBatch, type Schema } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/node';
import type { JsonValue } from '../readSessions/rowValues.js';
import { AvroPartWriter } from './avroPartWriter.js';
import type { WritableFormat } from './exportFormats.js';
import type { PartWriter } from './partWriter.js';
import { batchValues } from './rowValues.js';

export type { PartWriter } from './partWriter.js';

function csvCell(value: JsonValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

class TextPartWriter implements PartWriter {
  private readonly out: fs.WriteStream;

  constructor(
    path: string,
    private readonly schema: Schema,
    private readonly format: 'csv' | 'ndjson',
  ) {
    this.out = fs.createWriteStream(path);
    if (format === 'csv') this.out.write(`${schema.fields.map((f) => csvCell(f.name)).join(',')}\n`);
  }

  async write(batch: RecordBatch): Promise<void> {
    const columns = batchValues(batch);
    const names = this.schema.fields.map((f) => f.name);
    const lines: string[] = [];
    for (let row = 0; row < batch.numRows; row++) {
      if (this.format === 'csv') {
        lines.push(columns.map((c) => csvCell(c[row] ?? null)).join(','));
      } else {
        const object: Record<string, JsonValue> = {};
        names.forEach((name, i) => (object[name] = columns[i]?.[row] ?? null));
        lines.push(JSON.stringify(object));
      }
    }
    if (lines.length === 0) return;
    if (!this.out.write(`${lines.join('\n')}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(resolve);
    });
    return this.out.bytesWritten;
  }

  async abort(): Promise<void> {
    this.out.destroy();
  }
}

class ParquetPartWriter implements PartWriter {
  private readonly batches: RecordBatch[] = [];

  constructor(
    private readonly path: string,
    private readonly schema: Schema,
  ) {}

  async write(batch: RecordBatch): Promise<void> {
    this.batches.push(batch);
  }

  async close(): Promise<number> {
    const ipc = tableToIPC(new Table(this.schema, this.batches), 'stream');
    const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
    const bytes = writeParquet(WasmTable.fromIPCStream(ipc), properties);
    await fsp.writeFile(this.path, bytes);
    return bytes.length;
  }

  async abort(): Promise<void> {
    this.batches.length = 0;
  }
}

export function openPartWriter(path: string, schema: Schema, format: WritableFormat): PartWriter {
  if (format === 'parquet') return new ParquetPartWriter(path, schema);
  if (format === 'avro') return new AvroPartWriter(path, schema);
  return new TextPartWriter(path, schema, format);
}
