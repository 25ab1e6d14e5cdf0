import { z } from 'zod';
import { queryIdOf } from '../../../../shared/contract/rowSource';
import type { RedivisApiClient, RequestOptions } from '../apiClient';
import { tablePath } from './paths';
import { allItems, getResource, optional } from './resource';
import { variableSchema, type ApiVariable } from './variables';

/** A count Redivis may send as a JSON number or, for 64-bit values, as a decimal string. */
const countSchema = z.preprocess(
  (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
  z.number(),
);

/**
 * What the preview, the whole-table view and exports read of a row source: a table, or a query's
 * result (`query:<id>`), which says `outputNumRows` where a table says `numRows`.
 */
export const rowSourceSchema = z.looseObject({
  name: optional(z.string()),
  numRows: optional(countSchema),
  numBytes: optional(countSchema),
  canDownload: optional(z.boolean()),
  isFileIndex: optional(z.boolean()),
  outputNumRows: optional(countSchema),
  outputNumBytes: optional(countSchema),
  /** A query's SQL (the Query resource). */
  query: optional(z.string()),
});
export type ApiRowSource = z.output<typeof rowSourceSchema>;

/** The statistics the whole-table view's column profiles read (spec §3.3). */
export const columnStatisticsSchema = z.looseObject({
  status: optional(z.string()),
  errorMessage: optional(z.string()),
  count: z.unknown().optional(),
  numDistinct: z.unknown().optional(),
  nullCount: z.unknown().optional(),
  min: z.union([z.number(), z.string(), z.boolean()]).nullish(),
  max: z.union([z.number(), z.string(), z.boolean()]).nullish(),
  mean: optional(z.number()),
  approxMedian: optional(z.number()),
  stdDev: optional(z.number()),
  standardDeviation: optional(z.number()),
  frequencyDistribution: z
    .array(z.looseObject({ value: z.unknown(), count: z.number(), label: z.string().nullish() }))
    .nullish(),
});
export type ApiColumnStatistics = z.output<typeof columnStatisticsSchema>;

/** GET the table or query result behind a row source. */
export function getRowSource(
  api: RedivisApiClient,
  sourceRef: string,
  options: RequestOptions = {},
): Promise<ApiRowSource> {
  const resource = queryIdOf(sourceRef) === undefined ? 'table' : 'query';
  return getResource(api, tablePath(sourceRef), rowSourceSchema, resource, {
    what: `this ${resource}`,
    ...options,
  });
}

/** Every variable of a row source, page by page. */
export function rowSourceVariables(
  api: RedivisApiClient,
  sourceRef: string,
  options: RequestOptions = {},
): AsyncGenerator<ApiVariable> {
  return allItems(api, `${tablePath(sourceRef)}/variables`, variableSchema, 'variable', {
    pageSize: 1000,
    what: "this table's variables",
    ...options,
  });
}

/** A variable's statistics, for a table or a query result. */
export function getColumnStatistics(
  api: RedivisApiClient,
  sourceRef: string,
  name: string,
  options: RequestOptions = {},
): Promise<ApiColumnStatistics> {
  return getResource(
    api,
    `${tablePath(sourceRef)}/variables/${encodeURIComponent(name)}/statistics`,
    columnStatisticsSchema,
    'variable statistics',
    { what: `the statistics of ${name}`, ...options },
  );
}
