import { z } from 'zod';
import type { Page, RedivisApiClient, RequestOptions } from '../apiClient';
import { ownerPath, ownerSchema, type OwnerRef } from './organizations';
import { datasetPath } from './paths';
import { allItems, getPage, getResource, optional } from './resource';
import { versionSchema } from './versions';

export const geoBBoxSchema = z.looseObject({
  westLongitude: optional(z.number()),
  eastLongitude: optional(z.number()),
  northLatitude: optional(z.number()),
  southLatitude: optional(z.number()),
});

/** The Dataset resource (spec §3.2); lists carry fewer fields than a get. */
export const datasetSchema = z.looseObject({
  kind: optional(z.string()),
  id: optional(z.union([z.string(), z.number()])),
  referenceId: optional(z.string()),
  qualifiedReference: optional(z.string()),
  name: optional(z.string()),
  url: optional(z.string()),
  uri: optional(z.string()),
  owner: optional(ownerSchema),
  description: z.string().nullish(),
  accessLevel: optional(z.string()),
  tableCount: optional(z.number()),
  numBytes: optional(z.number()),
  totalNumBytes: optional(z.number()),
  updatedAt: optional(z.number()),
  temporalRange: z.tuple([z.number(), z.number()]).nullish(),
  temporalPrecision: z.string().nullish(),
  geoBBox: geoBBoxSchema.nullish(),
  methodologyMarkdown: z.string().nullish(),
  usageMarkdown: z.string().nullish(),
  version: versionSchema.nullish(),
  nextVersion: versionSchema.nullish(),
});
export type ApiDataset = z.output<typeof datasetSchema>;

export function getDataset(
  api: RedivisApiClient,
  datasetRef: string,
  options: RequestOptions = {},
): Promise<ApiDataset> {
  return getResource(api, datasetPath(datasetRef), datasetSchema, 'dataset', options);
}

export function datasetsPage(
  api: RedivisApiClient,
  owner: OwnerRef,
  options: RequestOptions & { pageToken?: string | null; maxResults?: number } = {},
): Promise<Page<ApiDataset>> {
  return getPage(api, `${ownerPath(owner)}/datasets`, datasetSchema, 'dataset', options);
}

export function allDatasets(
  api: RedivisApiClient,
  owner: OwnerRef,
  options: RequestOptions = {},
): AsyncGenerator<ApiDataset> {
  return allItems(api, `${ownerPath(owner)}/datasets`, datasetSchema, 'dataset', options);
}
