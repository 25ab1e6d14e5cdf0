import { fromClause, type ViewSource, type ViewVariable } from './viewSql';
import { literalFor, quoteName } from './sqlLiterals';

export const HISTOGRAM_BINS = 20;

export interface HistogramPlan {
  sql: string;
  /** Width of a bin, in the plan's unit (the value itself, or days or seconds from `min`). */
  width: number;
}

/**
 * A histogram of a number, date or date-time column as SQL: equal-width bins between the
 * column's min and max (from Redivis's statistics), counted on Redivis. Dates and date-times
 * are measured in days and seconds from the minimum; whole-number columns get whole widths.
 */
export function compileHistogramSql(
  source: ViewSource,
  variable: ViewVariable,
  min: number | string,
  span: number,
): HistogramPlan {
  const column = quoteName(variable.name);
  const whole = variable.type !== 'float';
  const raw = span / HISTOGRAM_BINS;
  const width = whole ? Math.max(1, Math.ceil((span + 1) / HISTOGRAM_BINS)) : raw > 0 ? raw : 1;
  let offset: string;
  if (variable.type === 'date')
    offset = `DATE_DIFF(${column}, ${literalFor('date', min, variable.name)}, DAY)`;
  else if (variable.type === 'dateTime')
    offset = `DATETIME_DIFF(${column}, ${literalFor('dateTime', min, variable.name)}, SECOND)`;
  else offset = `(${column} - ${literalFor(variable.type, min, variable.name)})`;
  // The maximum itself lands in the last bin rather than a bin of its own.
  const bin = `LEAST(CAST(FLOOR(${offset} / ${String(width)}) AS INT64), ${HISTOGRAM_BINS - 1})`;
  const sql = [
    `SELECT ${bin} AS bin, COUNT(*) AS n`,
    `FROM ${fromClause(source)}`,
    `WHERE ${column} IS NOT NULL`,
    'GROUP BY bin',
    'ORDER BY bin',
  ].join('\n');
  return { sql, width };
}
