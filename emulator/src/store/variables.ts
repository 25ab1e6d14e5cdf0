import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int64,
  Schema,
  TimeMicrosecond,
  TimestampMicrosecond,
  Type,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type { VariableRecord, VariableType } from './model.js';

/** Variable type → Arrow type, as the Redivis clients expect them on read streams (spec §4.4). */
export function arrowTypeFor(type: VariableType): DataType {
  switch (type) {
    case 'integer':
      return new Int64();
    case 'float':
      return new Float64();
    case 'boolean':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'dateTime':
      return new TimestampMicrosecond();
    case 'time':
      return new TimeMicrosecond();
    case 'string':
    case 'geography':
      return new Utf8();
  }
}

export function schemaFor(variables: readonly VariableRecord[]): Schema {
  return new Schema(variables.map((v) => new Field(v.name, arrowTypeFor(v.type), true)));
}

/** Arrow type → variable type, for data arriving as Arrow (uploads); geography stays string. */
export function variableTypeFor(type: DataType): VariableType {
  switch (type.typeId) {
    case Type.Int:
      return 'integer';
    case Type.Float:
    case Type.Decimal:
      return 'float';
    case Type.Bool:
      return 'boolean';
    case Type.Date:
      return 'date';
    case Type.Timestamp:
      return 'dateTime';
    case Type.Time:
      return 'time';
    default:
      return 'string';
  }
}

export function newVariable(name: string, type: VariableType): VariableRecord {
  return { name, type, label: null, description: null, valueLabels: [], statistics: null };
}

export function findVariable(variables: readonly VariableRecord[], name: string): VariableRecord | undefined {
  const lower = name.toLowerCase();
  return variables.find((v) => v.name.toLowerCase() === lower);
}

/** Union by case-insensitive name, keeping existing metadata and order, appending new ones. */
export function mergeVariables(
  existing: readonly VariableRecord[],
  incoming: readonly VariableRecord[],
): VariableRecord[] {
  const merged = existing.map((v) => ({ ...v }));
  for (const variable of incoming) {
    if (!findVariable(merged, variable.name)) merged.push({ ...variable });
  }
  return merged;
}
