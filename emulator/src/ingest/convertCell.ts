/** Converts a classified cell to the value its column's Arrow type stores. */
import type { CellValue } from './columnAccumulator.js';
import { parseBoolean, parseDate, parseDateTime, parseInteger, parseTime } from './cellValues.js';
import type { VariableType } from './ingestTypes.js';

/**
 * Text → stored value. The column type came from classifying every cell with the same rules,
 * so a failed parse here means a bug, not bad input; it yields null rather than wrong data.
 */
export function convertText(text: string, type: VariableType): CellValue {
  switch (type) {
    case 'string':
      return text;
    case 'integer':
      return parseInteger(text);
    case 'float': {
      const value = Number(text);
      return Number.isNaN(value) ? null : value;
    }
    case 'boolean':
      return parseBoolean(text);
    case 'date':
      return parseDate(text);
    case 'dateTime':
      return parseDateTime(text);
    case 'time':
      return parseTime(text);
  }
}

/** A JSON value (from NDJSON) → stored value for the column's type. */
export function convertJson(value: unknown, type: VariableType): CellValue {
  if (value === null || value === undefined) return null;
  if (type === 'string') {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (type === 'integer') return Number.isInteger(value) ? BigInt(value) : null;
    return value;
  }
  if (typeof value === 'boolean') return type === 'boolean' ? value : null;
  if (typeof value === 'string') return convertText(value, type);
  return null;
}
