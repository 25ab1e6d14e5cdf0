import type { RecordBatch } from 'apache-arrow';
import type { ColumnProfile, ProfileBin } from '../../../shared/contract/previewModel';
import { fail } from '../../../shared/contract/errors';
import { queryResultRef } from '../../../shared/contract/rowSource';
import type { RedivisApiClient } from '../redivis/apiClient';
import { getColumnStatistics } from '../redivis/api/rowSources';
import { createReadSession, tablePath } from '../redivis/readSession';
import { readStreamBatches } from '../redivis/readStream';
import { compileHistogramSql } from './histogramSql';
import { LruCache } from './lruCache';
import { defaultDatasetOf, type ViewQueries } from './viewQueries';

const HISTOGRAM_TYPES = new Set(['integer', 'float', 'date', 'dateTime']);
const DAY_MS = 86_400_000;

function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number(value);
  return typeof value !== 'boolean' && value !== null && value !== undefined && Number.isFinite(n)
    ? n
    : undefined;
}

function epochMs(text: string): number {
  return Date.parse(`${text.replace(' ', 'T').slice(0, 23)}Z`);
}

/** A bin's start as the column shows it: a number, a date, or a date and time. */
function binStart(type: string, min: number | string, offset: number): number | string {
  if (type === 'date') return new Date(epochMs(String(min)) + offset * DAY_MS).toISOString().slice(0, 10);
  if (type === 'dateTime')
    return new Date(epochMs(String(min)) + offset * 1000).toISOString().slice(0, 19).replace('T', ' ');
  return Number(min) + offset;
}

/** The distance from min to max in the histogram's unit, or undefined when it cannot be binned. */
function spanOf(type: string, min: unknown, max: unknown): number | undefined {
  if (type === 'date' || type === 'dateTime') {
    if (typeof min !== 'string' || typeof max !== 'string') return undefined;
    const span = (epochMs(max) - epochMs(min)) / (type === 'date' ? DAY_MS : 1000);
    return Number.isFinite(span) ? Math.floor(span) : undefined;
  }
  const low = numberOf(min);
  const high = numberOf(max);
  return low === undefined || high === undefined ? undefined : high - low;
}

/**
 * Column profiles: Redivis's variable statistics (counts, nulls, distinct values, min, max,
 * mean, median, standard deviation, most frequent values with their labels), and for numbers
 * and dates with many values a histogram counted by a query. Finished profiles are kept.
 */
export class ColumnProfiles {
  private readonly cache = new LruCache<string, ColumnProfile>(1000);

  constructor(
    private readonly api: RedivisApiClient,
    private readonly queries: ViewQueries,
  ) {}

  async profile(tableRef: string, column: string, signal?: AbortSignal): Promise<ColumnProfile> {
    const key = `${tableRef.trim().toLowerCase()}\n${column.toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const variables = await this.queries.variables(tableRef, signal);
    const variable = variables.find((v) => v.name.toLowerCase() === column.toLowerCase());
    if (!variable) return fail('bad_input', `This table has no column named “${column}”.`);
    const stats = await getColumnStatistics(this.api, tableRef, variable.name, { signal });
    const base = { column: variable.name, type: variable.type };
    if (stats.status === 'queued' || stats.status === 'running') return { ...base, status: 'computing' };
    if (stats.status === 'failed') {
      return {
        ...base,
        status: 'failed',
        message: stats.errorMessage ?? 'Redivis could not compute statistics.',
      };
    }
    const count = numberOf(stats.count) ?? 0;
    const nullCount = numberOf(stats.nullCount) ?? 0;
    const distinct = numberOf(stats.numDistinct);
    const frequencies = stats.frequencyDistribution ?? [];
    const profile: ColumnProfile = {
      ...base,
      status: 'ready',
      rows: count + nullCount,
      nullCount,
      distinct,
      min: stats.min ?? null,
      max: stats.max ?? null,
      mean: stats.mean ?? null,
      median: stats.approxMedian ?? null,
      stdDev: stats.stdDev ?? stats.standardDeviation ?? null,
      kind: 'top',
      bins: frequencies.map((f) => ({
        value: typeof f.value === 'number' || typeof f.value === 'boolean' ? f.value : String(f.value),
        count: f.count,
        label: f.label ?? undefined,
      })),
    };
    const span = spanOf(variable.type, stats.min, stats.max);
    const many = distinct === undefined || distinct > frequencies.length;
    if (HISTOGRAM_TYPES.has(variable.type) && many && span !== undefined && span > 0 && stats.min !== null) {
      const min = stats.min as number | string;
      profile.kind = 'histogram';
      profile.bins = await this.histogram(tableRef, variable, min, span, signal);
    }
    this.cache.set(key, profile);
    return profile;
  }

  private async histogram(
    tableRef: string,
    variable: { name: string; type: string },
    min: number | string,
    span: number,
    signal?: AbortSignal,
  ): Promise<ProfileBin[]> {
    const source = await this.queries.source(tableRef, signal);
    const plan = compileHistogramSql(source, variable, min, span);
    const result = await this.queries.run(
      { text: plan.sql, defaultDataset: defaultDatasetOf(source) },
      signal ?? new AbortController().signal,
    );
    const session = await createReadSession(this.api, tablePath(queryResultRef(result.queryId)), {
      requestedStreamCount: 1,
      signal,
    });
    const counts = new Map<number, number>();
    const take = (batch: RecordBatch) => {
      const bins = batch.getChild('bin');
      const ns = batch.getChild('n');
      for (let i = 0; i < batch.numRows; i++) counts.set(Number(bins?.get(i)), Number(ns?.get(i)));
    };
    for (const stream of session.streams) {
      for await (const batch of readStreamBatches(this.api, stream.id, { signal })) take(batch);
    }
    const bins: ProfileBin[] = [];
    const last = Math.max(0, ...counts.keys());
    for (let i = 0; i <= last; i++) {
      bins.push({
        value: binStart(variable.type, min, i * plan.width),
        to: binStart(variable.type, min, (i + 1) * plan.width),
        count: counts.get(i) ?? 0,
      });
    }
    return bins;
  }
}
