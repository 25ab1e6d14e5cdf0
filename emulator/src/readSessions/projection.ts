import {
  Field,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import type { VariableRecord } from '../store/model.js';
import { arrowTypeFor } from '../store/variables.js';

export function outputSchema(variables: readonly VariableRecord[]): Schema {
  return new Schema(variables.map((v) => new Field(v.name, arrowTypeFor(v.type), true)));
}

function sameType(a: DataType, b: DataType): boolean {
  return a.typeId === b.typeId && a.toString() === b.toString();
}

/** True when stored batches can be sent as they are for this output schema. */
export function schemasMatch(source: Schema, output: Schema): boolean {
  if (source.fields.length !== output.fields.length) return false;
  return source.fields.every((field, i) => {
    const other = output.fields[i];
    return other !== undefined && other.name === field.name && sameType(field.type, other.type);
  });
}

function nullData(type: DataType, length: number): Data {
  const vector = vectorFromArray(new Array<null>(length).fill(null), type);
  const data = vector.data[0];
  if (!data) return makeData({ type, length: 0, nullCount: 0 });
  return data;
}

/**
 * Reorders/selects columns by case-insensitive name to match `output`; columns the source
 * lacks, or holds with another type, come out as all-null.
 */
export function projectBatch(batch: RecordBatch, output: Schema): RecordBatch {
  const byName = new Map<string, number>();
  batch.schema.fields.forEach((field, i) => byName.set(field.name.toLowerCase(), i));
  const children = output.fields.map((field) => {
    const index = byName.get(field.name.toLowerCase());
    const column = index === undefined ? null : batch.getChildAt(index);
    const sourceField = index === undefined ? undefined : batch.schema.fields[index];
    if (column && sourceField && sameType(sourceField.type, field.type)) {
      const data = column.data.length === 1 ? column.data[0] : undefined;
      if (data) return data;
      const merged = vectorFromArray([...column], field.type).data[0];
      if (merged) return merged;
    }
    return nullData(field.type, batch.numRows);
  });
  return new RecordBatch(
    output,
    makeData({ type: new Struct(output.fields), length: batch.numRows, nullCount: 0, children }),
  );
}
