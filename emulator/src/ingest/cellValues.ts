/**
 * Recognising and converting text cells. Delimited and NDJSON ingest classify every cell in a
 * first pass to pick one type per column, then convert with the same rules in a second pass,
 * so the two must agree exactly.
 */
import type { VariableType } from './ingestTypes.js';

const INTEGER_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN_RE = /^(?:true|false)$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const MICROS_PER_DAY = 86_400_000_000n;

/** Type lattice: numbers widen to float, dates to dateTime, anything else mixed to string. */
export function widenType(current: VariableType | null, next: VariableType): VariableType {
  if (current === null || current === next) return next;
  const pair = new Set([current, next]);
  if (pair.has('integer') && pair.has('float')) return 'float';
  if (pair.has('date') && pair.has('dateTime')) return 'dateTime';
  return 'string';
}

function daysFromCivil(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2023-02-30 over into March; reject instead of silently shifting.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Date.UTC maps years 0..99 to 1900..1999.
  if (year < 100) return null;
  return Math.round(ms / 86_400_000);
}

function fractionMicros(fraction: string | undefined): bigint {
  if (!fraction) return 0n;
  return BigInt(fraction.slice(0, 6).padEnd(6, '0'));
}

function timeOfDayMicros(h: string, m: string, s: string | undefined, f: string | undefined): bigint | null {
  const hours = Number(h);
  const minutes = Number(m);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return BigInt(hours * 3600 + minutes * 60 + seconds) * 1_000_000n + fractionMicros(f);
}

function offsetMicros(zone: string | undefined): bigint {
  if (!zone || zone === 'Z') return 0n;
  const sign = zone.startsWith('-') ? -1n : 1n;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return sign * BigInt(minutes) * 60_000_000n;
}

/** Days since 1970-01-01, or null when the text is not a valid `YYYY-MM-DD`. */
export function parseDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  return m ? daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Microseconds since the epoch (UTC, offsets applied), or null. Dates count as midnight. */
export function parseDateTime(text: string): bigint | null {
  const m = DATETIME_RE.exec(text);
  if (!m) {
    const days = parseDate(text);
    return days === null ? null : BigInt(days) * MICROS_PER_DAY;
  }
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const tod = timeOfDayMicros(m[4]!, m[5]!, m[6], m[7]);
  if (days === null || tod === null) return null;
  return BigInt(days) * MICROS_PER_DAY + tod - offsetMicros(m[8]);
}

/** Microseconds since midnight, or null. */
export function parseTime(text: string): bigint | null {
  const m = TIME_RE.exec(text);
  return m ? timeOfDayMicros(m[1]!, m[2]!, m[3], m[4]) : null;
}

/** int64 value, or null when not an integer literal in range. */
export function parseInteger(text: string): bigint | null {
  if (!INTEGER_RE.test(text)) return null;
  const value = BigInt(text);
  return value > INT64_MAX || value < INT64_MIN ? null : value;
}

export function parseBoolean(text: string): boolean | null {
  return BOOLEAN_RE.test(text) ? text.toLowerCase() === 'true' : null;
}

/** Integers with leading zeros (zip codes, ids) stay text so no digits are lost. */
function hasLeadingZero(text: string): boolean {
  const digits = text.replace(/^[+-]/, '');
  return digits.length > 1 && digits.startsWith('0');
}

/**
 * The narrowest type that can hold a non-empty text cell. Only well-formed ISO-8601 dates and
 * times are recognised; everything unusual stays a string rather than guessing.
 */
export function classifyText(text: string): VariableType {
  const first = text.charCodeAt(0);
  const digitish = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  if (digitish) {
    if (INTEGER_RE.test(text)) {
      return hasLeadingZero(text) || parseInteger(text) === null ? 'string' : 'integer';
    }
    if (FLOAT_RE.test(text)) return hasLeadingZero(text.split('.')[0] ?? '') ? 'string' : 'float';
    if (first >= 48 && first <= 57) {
      if (parseDate(text) !== null) return 'date';
      if (DATETIME_RE.test(text) && parseDateTime(text) !== null) return 'dateTime';
      if (parseTime(text) !== null) return 'time';
    }
    return 'string';
  }
  return BOOLEAN_RE.test(text) ? 'boolean' : 'string';
}

/** Like {@link classifyText} but for strings inside JSON, where numbers have their own type. */
export function classifyJsonString(text: string): VariableType {
  const kind = classifyText(text);
  return kind === 'date' || kind === 'dateTime' || kind === 'time' ? kind : 'string';
}
