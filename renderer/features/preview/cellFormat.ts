import { DataType, TimeUnit, type Time } from 'apache-arrow';

/** `pending`: a row deep in a view whose window is still being fetched. */
export type CellKind = 'number' | 'text' | 'date' | 'boolean' | 'null' | 'pending';

export interface FormattedCell {
  text: string;
  kind: CellKind;
}

const NULL_CELL: FormattedCell = { text: '', kind: 'null' };

/** Microseconds per unit of Arrow's TimeUnit (SECOND, MILLISECOND, MICROSECOND, NANOSECOND). */
const MICROS_PER_UNIT: Record<TimeUnit, number> = {
  [TimeUnit.SECOND]: 1_000_000,
  [TimeUnit.MILLISECOND]: 1_000,
  [TimeUnit.MICROSECOND]: 1,
  [TimeUnit.NANOSECOND]: 0.001,
};

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD`, the form Redivis uses for dates (spec 4.6), in UTC so no day shifts. */
export function formatDate(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return String(epochMs);
  const year = date.getUTCFullYear();
  const yearText = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${yearText}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function fraction(micros: number): string {
  return micros === 0 ? '' : `.${pad(micros, 6)}`;
}

/** `YYYY-MM-DD HH:MM:SS[.ffffff]`; Arrow hands timestamps over as (fractional) milliseconds. */
export function formatDateTime(epochMs: number): string {
  const wholeMs = Math.floor(epochMs);
  const subMs = Math.min(999, Math.round((epochMs - wholeMs) * 1000));
  const micros = (wholeMs - Math.floor(wholeMs / 1000) * 1000) * 1000 + subMs;
  const date = new Date(wholeMs);
  if (Number.isNaN(date.getTime())) return String(epochMs);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${formatDate(wholeMs)} ${time}${fraction(micros)}`;
}

/** `HH:MM:SS[.ffffff]` from microseconds since midnight. */
export function formatTime(totalMicros: number): string {
  const micros = Math.round(totalMicros);
  const seconds = Math.floor(micros / 1_000_000);
  const rest = micros - seconds * 1_000_000;
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}${fraction(rest)}`;
}

/** A cell as text by its Arrow type: exact numbers, readable dates and times, nulls marked. */
export function formatCell(value: unknown, type: DataType | undefined): FormattedCell {
  if (value === null || value === undefined) return NULL_CELL;
  if (!type) return { text: String(value), kind: 'text' };
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) {
    return { text: String(value), kind: 'number' };
  }
  if (DataType.isBool(type)) return { text: value ? 'true' : 'false', kind: 'boolean' };
  if (DataType.isDate(type)) {
    return {
      text: value instanceof Date ? formatDate(value.getTime()) : formatDate(Number(value)),
      kind: 'date',
    };
  }
  if (DataType.isTimestamp(type)) {
    const ms = value instanceof Date ? value.getTime() : Number(value);
    return { text: formatDateTime(ms), kind: 'date' };
  }
  if (DataType.isTime(type)) {
    const unit = (type as Time).unit;
    return { text: formatTime(Number(value) * MICROS_PER_UNIT[unit]), kind: 'date' };
  }
  if (typeof value === 'string') return { text: value, kind: 'text' };
  if (value instanceof Uint8Array) return { text: `${value.byteLength} bytes`, kind: 'text' };
  if (typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function') {
    // Nested values (lists, structs): compact JSON, with 64-bit integers as digits.
    const json = JSON.stringify(value.toJSON() as unknown, (_key, item: unknown) =>
      typeof item === 'bigint' ? String(item) : item,
    );
    return { text: json, kind: 'text' };
  }
  return { text: String(value), kind: 'text' };
}

/** Whether a column's cells align right (numbers) in the grid. */
export function isNumericType(type: DataType | undefined): boolean {
  return !!type && (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type));
}
