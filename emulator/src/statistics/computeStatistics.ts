/**
 * Summary statistics of one variable, computed by the SQL engine over the same relation queries
 * read (so uploaded rows and query results are covered like released tables). Min/max of
 * dates, dateTimes and times come back in the API's text forms; mean, median and standard
 * deviation exist only for numbers. The frequency distribution lists the most common
 * non-null values, most frequent first (ties by value), with their value labels.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { formatDateTime, formatTime } from '../readSessions/rowValues.js';
import { engineFor } from '../sql/engine.js';
import { quoteIdentifier } from '../sql/sqlText.js';
import { tableRelation } from '../sql/tableRelation.js';
import type { VariableRecord } from '../store/model.js';
import type { RowSource } from '../store/tableSources.js';

export const FREQUENCY_LIMIT = 20;

export type StatValue = string | number | boolean | null;

export interface FrequencyEntry {
  value: StatValue;
  count: number;
  label: string | null;
}

export interface ComputedStatistics {
  count: number;
  numDistinct: number;
  nullCount: number;
  min: StatValue;
  max: StatValue;
  mean: number | null;
  approxMedian: number | null;
  stdDev: number | null;
  frequencyDistribution: FrequencyEntry[];
}

/** SQL giving the variable's value in a form that converts to its JSON representation. */
function comparable(variable: VariableRecord, column: string): string {
  switch (variable.type) {
    case 'dateTime':
      return `epoch_us(${column})`;
    case 'time':
      return `(hour(${column}) * 3600000000 + minute(${column}) * 60000000 + microsecond(${column}))`;
    case 'date':
      return `CAST(${column} AS VARCHAR)`;
    default:
      return column;
  }
}

function jsonValue(variable: VariableRecord, value: DuckDBValue): StatValue {
  if (value === null || value === undefined) return null;
  if (variable.type === 'dateTime') return formatDateTime(BigInt(String(value)));
  if (variable.type === 'time') return formatTime(BigInt(String(value)));
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

function numberOrNull(value: DuckDBValue): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(typeof value === 'bigint' ? value : String(value));
  return Number.isFinite(n) ? n : null;
}

export async function computeStatistics(
  dataDir: string,
  sources: readonly RowSource[],
  variables: readonly VariableRecord[],
  variable: VariableRecord,
  onStart: () => void,
): Promise<ComputedStatistics> {
  const relation = await tableRelation(dataDir, sources, variables, { uploadNameColumn: false, limit: null });
  const column = quoteIdentifier(variable.name);
  const numeric = variable.type === 'integer' || variable.type === 'float';
  const ordered = variable.type !== 'boolean' && variable.type !== 'geography';
  const value = comparable(variable, 'v');
  const summary = `SELECT count(v), count(DISTINCT v), count(*) - count(v),
      ${ordered ? `min(${value}), max(${value})` : 'NULL, NULL'},
      ${numeric ? 'avg(v), quantile_disc(v, 0.5), stddev_samp(v)' : 'NULL, NULL, NULL'}
    FROM (SELECT ${column} AS v FROM (${relation}))`;
  const frequencies = `SELECT ${value}, count(*) AS n FROM (SELECT ${column} AS v FROM (${relation}))
    WHERE v IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT ${FREQUENCY_LIMIT}`;
  const engine = await engineFor(dataDir);
  return engine.withConnection(async (connection) => {
    onStart();
    const row = (await connection.runAndReadAll(summary)).getRows()[0] ?? [];
    const frequencyRows = (await connection.runAndReadAll(frequencies)).getRows();
    const labels = new Map(variable.valueLabels.map((l) => [l.value, l.label]));
    return {
      count: numberOrNull(row[0] ?? null) ?? 0,
      numDistinct: numberOrNull(row[1] ?? null) ?? 0,
      nullCount: numberOrNull(row[2] ?? null) ?? 0,
      min: jsonValue(variable, row[3] ?? null),
      max: jsonValue(variable, row[4] ?? null),
      mean: numberOrNull(row[5] ?? null),
      approxMedian: numberOrNull(row[6] ?? null),
      stdDev: numberOrNull(row[7] ?? null),
      frequencyDistribution: frequencyRows.map(([v, n]) => {
        const entry = jsonValue(variable, v ?? null);
        return {
          value: entry,
          count: numberOrNull(n ?? null) ?? 0,
          label: labels.get(String(entry)) ?? null,
        };
      }),
    };
  });
}
