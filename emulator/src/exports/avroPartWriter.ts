/**
 * Avro export parts, written with avsc as an Avro object container file (deflate blocks),
 * streamed record by record. Every field is a union with null (variables are nullable); dates
 * are `int`/`date`, dateTimes `long`/`local-timestamp-micros` (civil time, like BigQuery's
 * DATETIME), times `long`/`time-micros`, as the Avro specification's logical types define them.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { Type as ArrowType, type Data, type RecordBatch, type Schema } from 'apache-arrow';
import avro from 'avsc';
import type { PartWriter } from './partWriter.js';

type AvroValue = number | string | boolean | null;

function fieldType(type: ArrowType): unknown {
  switch (type) {
    case ArrowType.Int:
      return 'long';
    case ArrowType.Float:
      return 'double';
    case ArrowType.Bool:
      return 'boolean';
    case ArrowType.Date:
      return { type: 'int', logicalType: 'date' };
    case ArrowType.Timestamp:
      return { type: 'long', logicalType: 'local-timestamp-micros' };
    case ArrowType.Time:
      return { type: 'long', logicalType: 'time-micros' };
    default:
      return 'string';
  }
}

export function avroSchemaFor(schema: Schema): avro.Schema {
  return {
    type: 'record',
    name: 'Row',
    fields: schema.fields.map((f) => ({
      name: f.name,
      type: ['null', fieldType(f.type.typeId as ArrowType)],
      default: null,
    })),
  } as avro.Schema;
}

function cell(data: Data, i: number): AvroValue {
  if (!data.getValid(i)) return null;
  const typeId = data.type.typeId as ArrowType;
  if (typeId === ArrowType.Int || typeId === ArrowType.Timestamp || typeId === ArrowType.Time) {
    // avsc's long is a JS number; every stored int64 of the demo data is within 2^53.
    return Number((data.values as BigInt64Array)[i]);
  }
  if (typeId === ArrowType.Float || typeId === ArrowType.Date)
    return Number((data.values as Float64Array | Int32Array)[i]);
  if (typeId === ArrowType.Bool) {
    const bit = data.offset + i;
    return ((data.values as Uint8Array)[bit >> 3]! & (1 << (bit & 7))) !== 0;
  }
  const offsets = data.valueOffsets as Int32Array;
  const bytes = (data.values as Uint8Array).subarray(offsets[i]!, offsets[i + 1]!);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export class AvroPartWriter implements PartWriter {
  private readonly encoder: avro.streams.BlockEncoder;
  private readonly out: fs.WriteStream;

  constructor(
    path: string,
    private readonly schema: Schema,
  ) {
    this.encoder = new avro.streams.BlockEncoder(avro.Type.forSchema(avroSchemaFor(schema)), {
      codec: 'deflate',
    });
    this.out = fs.createWriteStream(path);
    this.encoder.pipe(this.out);
  }

  async write(batch: RecordBatch): Promise<void> {
    const columns = batch.data.children;
    const names = this.schema.fields.map((f) => f.name);
    for (let row = 0; row < batch.numRows; row++) {
      const record: Record<string, AvroValue> = {};
      names.forEach((name, c) => {
        const data = columns[c];
        const value = data ? cell(data, row) : null;
        // Unions are written in avsc's wrapped form only when ambiguous; null | T is not.
        record[name] = value;
      });
      if (!this.encoder.write(record)) await once(this.encoder, 'drain');
    }
  }

  async close(): Promise<number> {
    const finished = once(this.out, 'finish');
    this.encoder.end();
    await finished;
    return this.out.bytesWritten;
  }

  async abort(): Promise<void> {
    this.encoder.destroy();
    this.out.destroy();
  }
}
