import { z } from 'zod';
import type { Page, RedivisApiClient, RequestOptions } from '../apiClient';
import { tableResourcePath } from './paths';
import { getPage, getResource, optional } from './resource';

/** The Variable resource (spec §3.3): a table's column. */
export const variableSchema = z.looseObject({
  name: optional(z.string()),
  type: optional(z.string()),
  label: z.string().nullish(),
  description: z.string().nullish(),
  isFileId: optional(z.boolean()),
  valueLabels: z
    .array(z.looseObject({ value: z.unknown().optional(), label: z.unknown().optional() }))
    .nullish(),
});
export type ApiVariable = z.output<typeof variableSchema>;

/** A variable's statistics; values are numbers, strings or dates depending on its type. */
export const statisticsSchema = z.looseObject({
  status: optional(z.string()),
  count: z.unknown().optional(),
  numDistinct: z.unknown().optional(),
  nullCount: z.unknown().optional(),
  min: z.unknown().optional(),
  max: z.unknown().optional(),
  mean: z.unknown().optional(),
  approxMedian: z.unknown().optional(),
  standardDeviation: z.unknown().optional(),
});
export type ApiStatistics = z.output<typeof statisticsSchema>;

const variablesPath = (tableRef: string) => `${tableResourcePath(tableRef)}/variables`;

export function variablesPage(
  api: RedivisApiClient,
  tableRef: string,
  options: RequestOptions & { pageToken?: string | null; maxResults?: number } = {},
): Promise<Page<ApiVariable>> {
  return getPage(api, variablesPath(tableRef), variableSchema, 'variable', options);
}

export function getVariable(
  api: RedivisApiClient,
  tableRef: string,
  name: string,
  options: RequestOptions = {},
): Promise<ApiVariable> {
  return getResource(
    api,
    `${variablesPath(tableRef)}/${encodeURIComponent(name)}`,
    variableSchema,
    'variable',
    options,
  );
}

export function getVariableStatistics(
  api: RedivisApiClient,
  tableRef: string,
  name: string,
  options: RequestOptions = {},
): Promise<ApiStatistics> {
  return getResource(
    api,
    `${variablesPath(tableRef)}/${encodeURIComponent(name)}/statistics`,
    statisticsSchema.optional().transform((stats) => stats ?? statisticsSchema.parse({})),
    'variable statistics',
    options,
  );
}
