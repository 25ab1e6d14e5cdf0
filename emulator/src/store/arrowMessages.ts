import {
  makeData,
  RecordBatch,
  RecordBatchReader,
  RecordBatchStreamWriter,
  Schema,
  Struct,
} from 'apache-arrow';

/**
 * Byte-level helpers for the Arrow IPC stream format. Table data is served straight from the
 * stored bytes, so we need the encoded schema message and each record batch message separately.
 */

/** The end-of-stream marker: continuation token followed by a zero metadata length. */
export const EOS_BYTES = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Length of the first (schema) message of an IPC stream; schema messages have no body. */
export function schemaMessageLength(stream: Uint8Array): number {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const first = view.getInt32(0, true);
  if (first === -1) return 8 + view.getInt32(4, true);
  return 4 + first;
}

export interface EncodedBatch {
  schemaBytes: Uint8Array;
  batchBytes: Uint8Array;
}

/** Encodes one batch and splits the output into schema message and batch message bytes. */
export function encodeBatch(batch: RecordBatch): EncodedBatch {
  const full = RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
  const schemaLength = schemaMessageLength(full);
  return {
    schemaBytes: full.subarray(0, schemaLength),
    batchBytes: full.subarray(schemaLength, full.length - EOS_BYTES.length),
  };
}

export function encodeSchema(schema: Schema): Uint8Array {
  return encodeBatch(emptyBatch(schema)).schemaBytes;
}

export function emptyBatch(schema: Schema): RecordBatch {
  const children = schema.fields.map((field) => makeData({ type: field.type, length: 0, nullCount: 0 }));
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children }),
  );
}

/** Decodes one stored batch message given the stream's schema message bytes. */
export function decodeBatch(schemaBytes: Uint8Array, batchBytes: Uint8Array): RecordBatch {
  const joined = new Uint8Array(schemaBytes.length + batchBytes.length + EOS_BYTES.length);
  joined.set(schemaBytes, 0);
  joined.set(batchBytes, schemaBytes.length);
  joined.set(EOS_BYTES, schemaBytes.length + batchBytes.length);
  const reader = RecordBatchReader.from(joined);
  const batches = reader.readAll();
  const batch = batches[0];
  if (!batch) throw new Error('Stored batch could not be decoded');
  return batch;
}
