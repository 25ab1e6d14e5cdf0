/**
 * Maps columns of arbitrary Arrow data (from Arrow or Parquet uploads) onto the API's variable
 * types and their physical Arrow types. Columns that already have the target type are passed
 * through untouched; others are converted value by value.
 */
import {
  DataType,
  TimeUnit,
  type Data,
  type Field,
  type Schema,
  type Vector,
  makeVector,
} from 'apache-arrow';
import { ColumnAccumulator, type CellValue } from './columnAccumulator.js';
import type { IngestedVariable, VariableType } from './ingestTypes.js';
import { cleanVariableNames } from './variableNames.js';

const MICROS_PER_UNIT: Record<number, bigint> = {
  [TimeUnit.SECOND]: 1_000_000n,
  [TimeUnit.MILLISECOND]: 1_000n,
  [TimeUnit.MICROSECOND]: 1n,
};

export function variableTypeOf(type: DataType): VariableType {
  if (DataType.isInt(type)) return 'integer';
  if (DataType.isFloat(type) || DataType.isDecimal(type)) return 'float';
  if (DataType.isBool(type)) return 'boolean';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'dateTime';
  if (DataType.isTime(type)) return 'time';
  if (DataType.isDictionary(type)) return variableTypeOf(type.dictionary);
  return 'string';
}

/** True when the stored Arrow type is already the one read streams use for this variable. */
function isTargetType(type: DataType): boolean {
  if (DataType.isInt(type)) return type.bitWidth === 64 && type.isSigned;
  if (DataType.isFloat(type)) return type.precision === 2;
  if (DataType.isBool(type)) return true;
  if (DataType.isDate(type)) return type.unit === 0;
  if (DataType.isTimestamp(type)) return type.unit === TimeUnit.MICROSECOND && !type.timezone;
  if (DataType.isTime(type)) return type.unit === TimeUnit.MICROSECOND && type.bitWidth === 64;
  if (DataType.isUtf8(type)) return true;
  return false;
}

export function variablesFor(schema: Schema): IngestedVariable[] {
  const names = cleanVariableNames(schema.fields.map((f: Field) => f.name));
  return schema.fields.map((f: Field, i) => ({ name: names[i]!, type: variableTypeOf(f.type) }));
}

function scaledMicros(raw: bigint | number, unit: TimeUnit): bigint {
  const value = BigInt(raw);
  if (unit === TimeUnit.NANOSECOND) return value / 1000n;
  return value * (MICROS_PER_UNIT[unit] ?? 1n);
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Reads cell `i` of `vector` as the stored value for `target`. */
function cellOf(vector: Vector, i: number, target: VariableType): CellValue {
  if (!vector.isValid(i)) return null;
  const type = vector.type as DataType;
  const data = vector.data[0]!;
  if (target === 'dateTime' && DataType.isTimestamp(type)) {
    return scaledMicros((data.values as BigInt64Array)[i]!, type.unit);
  }
  if (target === 'time' && DataType.isTime(type)) {
    return scaledMicros((data.values as BigInt64Array | Int32Array)[i]!, type.unit);
  }
  const value: unknown = vector.get(i);
  if (value === null || value === undefined) return null;
  switch (target) {
    case 'integer':
      return BigInt.asIntN(64, BigInt(value as number | bigint));
    case 'float':
      // Decimals read back as their unscaled integer.
      return DataType.isDecimal(type) ? Number(String(value)) / 10 ** type.scale : Number(value);
    case 'boolean':
      return Boolean(value);
    case 'date': {
      // Date32 reads back as epoch milliseconds, Date64 as milliseconds too.
      const ms = value instanceof Date ? value.getTime() : Number(value);
      return Math.floor(ms / 86_400_000);
    }
    default:
      return stringify(value);
  }
}

/** Converts one input column (a single-chunk vector) to Arrow data of the target type. */
export function normalizeColumn(column: Data, target: VariableType): Data {
  if (isTargetType(column.type as DataType) && variableTypeOf(column.type as DataType) === target) {
    return column;
  }
  const vector = makeVector(column);
  const out = new ColumnAccumulator(target, column.length);
  for (let i = 0; i < column.length; i++) out.push(cellOf(vector, i, target));
  return out.flush();
}
