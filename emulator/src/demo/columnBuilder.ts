import { makeData, RecordBatch, Struct, vectorFromArray, type Data } from 'apache-arrow';
import type { VariableRecord, VariableType } from '../store/model.js';
import { arrowTypeFor, schemaFor } from '../store/variables.js';

/**
 * Column values as the generator produces them: integer → number|bigint, float → number,
 * boolean → boolean, date → days since epoch, dateTime/time → microseconds (bigint),
 * string/geography → string; null for missing.
 */
export type CellValue = number | bigint | string | boolean | null;

function validity(values: readonly CellValue[]): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null) nullCount += 1;
    else bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return { bitmap, nullCount };
}

export function buildColumn(type: VariableType, values: readonly CellValue[]): Data {
  const arrowType = arrowTypeFor(type);
  const length = values.length;
  const { bitmap, nullCount } = validity(values);
  switch (type) {
    case 'integer':
    case 'dateTime':
    case 'time': {
      const data = BigInt64Array.from(values, (v) => (v === null ? 0n : BigInt(v as number | bigint)));
      return makeData({ type: arrowType, length, nullCount, nullBitmap: bitmap, data } as never);
    }
    case 'float': {
      const data = Float64Array.from(values, (v) => (v === null ? 0 : Number(v)));
      return makeData({ type: arrowType, length, nullCount, nullBitmap: bitmap, data } as never);
    }
    case 'date': {
      const data = Int32Array.from(values, (v) => (v === null ? 0 : Number(v)));
      return makeData({ type: arrowType, length, nullCount, nullBitmap: bitmap, data } as never);
    }
    case 'boolean': {
      const vector = vectorFromArray(
        values.map((v) => (v === null ? null : Boolean(v))),
        arrowType,
      );
      return vector.data[0] as Data;
    }
    case 'string':
    case 'geography': {
      const vector = vectorFromArray(
        values.map((v) => (v === null ? null : String(v))),
        arrowType,
      );
      return vector.data[0] as Data;
    }
  }
}

/** Builds one record batch from per-variable value arrays (same order as `variables`). */
export function buildBatch(
  variables: readonly VariableRecord[],
  columns: readonly CellValue[][],
): RecordBatch {
  const schema = schemaFor(variables);
  const length = columns[0]?.length ?? 0;
  const children = variables.map((v, i) => buildColumn(v.type, columns[i] ?? []));
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }),
  );
}
