import { z } from 'zod';
import type { Page, RedivisApiClient, RequestOptions } from '../apiClient';
import { geoBBoxSchema } from './datasets';
import { datasetPath, tableResourcePath } from './paths';
import { allItems, getPage, getResource, optional, sendForResource } from './resource';

/** The dataset or workflow a table belongs to. */
const containerSchema = z.looseObject({
  kind: optional(z.string()),
  name: optional(z.string()),
  qualifiedReference: optional(z.string()),
  uri: optional(z.string()),
});

/** The Table resource (spec §3.3). */
export const tableSchema = z.looseObject({
  kind: optional(z.string()),
  id: optional(z.union([z.string(), z.number()])),
  referenceId: optional(z.string()),
  qualifiedReference: optional(z.string()),
  name: optional(z.string()),
  description: z.string().nullish(),
  numRows: optional(z.number()),
  numBytes: optional(z.number()),
  variableCount: optional(z.number()),
  isFileIndex: optional(z.boolean()),
  uploadMergeStrategy: optional(z.string()),
  accessLevel: optional(z.string()),
  canDownload: optional(z.boolean()),
  entity: z.looseObject({ name: optional(z.string()) }).nullish(),
  temporalRange: z.tuple([z.number(), z.number()]).nullish(),
  temporalPrecision: z.string().nullish(),
  geoBBox: geoBBoxSchema.nullish(),
  container: containerSchema.nullish(),
});
export type ApiTable = z.output<typeof tableSchema>;

/** A table in a list where the app needs its name (upload destinations). */
const namedTableSchema = tableSchema.extend({ name: z.string().min(1) });
export type NamedApiTable = z.output<typeof namedTableSchema>;

export type TableContainerRef = { kind: 'dataset' | 'workflow'; ref: string };
const tablesPath = (container: TableContainerRef) =>
  `/${container.kind === 'dataset' ? 'datasets' : 'workflows'}/${encodeURIComponent(container.ref)}/tables`;

export function getTable(
  api: RedivisApiClient,
  tableRef: string,
  options: RequestOptions = {},
): Promise<ApiTable> {
  return getResource(api, tableResourcePath(tableRef), tableSchema, 'table', options);
}

export function tablesPage(
  api: RedivisApiClient,
  container: TableContainerRef,
  options: RequestOptions & { pageToken?: string | null; maxResults?: number } = {},
): Promise<Page<ApiTable>> {
  return getPage(api, tablesPath(container), tableSchema, 'table', options);
}

/** Every table of a dataset version or workflow, each with its name. */
export function allNamedTables(
  api: RedivisApiClient,
  container: TableContainerRef,
  options: RequestOptions = {},
): AsyncGenerator<NamedApiTable> {
  return allItems(api, tablesPath(container), namedTableSchema, 'table', options);
}

/** Creates a table in the dataset's unreleased version; answers with its name. */
export function createTable(
  api: RedivisApiClient,
  datasetRef: string,
  table: { name: string; isFileIndex: boolean },
  signal?: AbortSignal,
): Promise<NamedApiTable> {
  return sendForResource(
    api,
    'POST',
    `${datasetPath(`${datasetRef}:next`)}/tables`,
    namedTableSchema,
    'table',
    {
      body: { name: table.name, isFileIndex: table.isFileIndex },
      signal,
      what: 'this dataset',
    },
  );
}

export async function deleteTable(api: RedivisApiClient, tableRef: string): Promise<void> {
  await api.send('DELETE', tableResourcePath(tableRef), { what: 'this table' });
}
