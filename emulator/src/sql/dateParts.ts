/**
 * BigQuery date/time parts and format strings, translated to DuckDB where both mean the same,
 * refused (by name) where they do not. BigQuery weeks start on Sunday unless `WEEK(MONDAY)`;
 * DuckDB's `week` is the ISO (Monday) week, so Sunday weeks are computed from `dayofweek`.
 */
import { unsupported } from './sqlError.js';
import { cat, type Out } from './sqlText.js';

export type WeekStart = 'sunday' | 'monday';

export type DatePart = { kind: 'plain'; duck: string } | { kind: 'week'; start: WeekStart };

const PLAIN: Record<string, string> = {
  MICROSECOND: 'microsecond',
  MILLISECOND: 'millisecond',
  SECOND: 'second',
  MINUTE: 'minute',
  HOUR: 'hour',
  DAY: 'day',
  MONTH: 'month',
  QUARTER: 'quarter',
  YEAR: 'year',
  ISOYEAR: 'isoyear',
};

/** Parses `MONTH`, `WEEK`, `WEEK(MONDAY)`, `ISOWEEK` (already upper-cased, no spaces). */
export function parseDatePart(text: string, position: number): DatePart {
  const plain = PLAIN[text];
  if (plain) return { kind: 'plain', duck: plain };
  if (text === 'WEEK' || text === 'WEEK(SUNDAY)') return { kind: 'week', start: 'sunday' };
  if (text === 'ISOWEEK' || text === 'WEEK(MONDAY)') return { kind: 'week', start: 'monday' };
  throw unsupported(`The date part ${text}`, position);
}

/** The first day (a DATE) of the week containing `x`. */
export function weekStart(x: Out, start: WeekStart, src: number): Out {
  // DuckDB: dayofweek Sunday = 0; isodow Monday = 1.
  return start === 'sunday'
    ? cat(src, '(CAST(', x, ' AS DATE) - CAST(dayofweek(', x, ') AS INTEGER))')
    : cat(src, '(CAST(', x, ' AS DATE) - CAST(isodow(', x, ') - 1 AS INTEGER))');
}

/** DuckDB interval constructor per part, and the multiplier BigQuery's WEEK/QUARTER imply. */
export function intervalOf(part: DatePart, amount: Out, src: number, position: number): Out {
  if (part.kind === 'week') return cat(src, 'to_days(7 * CAST(', amount, ' AS BIGINT))');
  const fn: Record<string, string> = {
    microsecond: 'to_microseconds',
    millisecond: 'to_milliseconds',
    second: 'to_seconds',
    minute: 'to_minutes',
    hour: 'to_hours',
    day: 'to_days',
    month: 'to_months',
    year: 'to_years',
  };
  if (part.duck === 'quarter') return cat(src, 'to_months(3 * CAST(', amount, ' AS BIGINT))');
  const name = fn[part.duck];
  if (!name) throw unsupported(`INTERVAL … ${part.duck.toUpperCase()}`, position);
  const type = part.duck === 'second' ? 'DOUBLE' : 'BIGINT';
  return cat(src, `${name}(CAST(`, amount, ` AS ${type}))`);
}

/** `EXTRACT(part FROM x)` with BigQuery's numbering. */
export function extractPart(text: string, x: Out, src: number, position: number): Out {
  switch (text) {
    case 'DAYOFWEEK':
      return cat(src, '(dayofweek(', x, ') + 1)');
    case 'DAY':
    case 'DAYOFYEAR':
    case 'MONTH':
    case 'QUARTER':
    case 'YEAR':
    case 'HOUR':
    case 'MINUTE':
    case 'SECOND':
      return cat(src, `${text.toLowerCase()}(`, x, ')');
    case 'ISOYEAR':
      return cat(src, 'isoyear(', x, ')');
    case 'ISOWEEK':
      return cat(src, 'week(', x, ')');
    case 'WEEK':
    case 'WEEK(SUNDAY)':
      return cat(src, 'CAST(strftime(CAST(', x, " AS TIMESTAMP), '%U') AS BIGINT)");
    case 'WEEK(MONDAY)':
      return cat(src, 'CAST(strftime(CAST(', x, " AS TIMESTAMP), '%W') AS BIGINT)");
    case 'MILLISECOND':
      return cat(src, '(millisecond(', x, ') % 1000)');
    case 'MICROSECOND':
      return cat(src, '(microsecond(', x, ') % 1000000)');
    case 'DATE':
      return cat(src, 'CAST(', x, ' AS DATE)');
    case 'TIME':
      return cat(src, 'CAST(', x, ' AS TIME)');
    case 'DATETIME':
      return cat(src, 'CAST(', x, ' AS TIMESTAMP)');
    default:
      throw unsupported(`EXTRACT(${text} FROM …)`, position);
  }
}

const SAME_SPECIFIERS = new Set([
  'a',
  'A',
  'b',
  'B',
  'd',
  'H',
  'I',
  'j',
  'm',
  'M',
  'p',
  'S',
  'y',
  'Y',
  'U',
  'W',
  'u',
  'V',
  'G',
  'z',
  'Z',
  '%',
  'h',
]);
const EXPANDED: Record<string, string> = {
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  D: '%m/%d/%y',
  R: '%H:%M',
  x: '%m/%d/%y',
  X: '%H:%M:%S',
  n: '\n',
  t: '\t',
};

/** A BigQuery FORMAT_/PARSE_ format string as DuckDB strftime/strptime understands it. */
export function translateFormat(format: string, position: number): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    if (c !== '%') {
      out += c;
      continue;
    }
    const spec = format[i + 1] ?? '';
    i += 1;
    if (SAME_SPECIFIERS.has(spec)) out += `%${spec}`;
    else if (EXPANDED[spec] !== undefined) out += EXPANDED[spec];
    else throw unsupported(`The format element %${spec}`, position);
  }
  return out;
}
