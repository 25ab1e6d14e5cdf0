import { z } from 'zod';
import type { Page, RedivisApiClient, RequestOptions } from '../apiClient';
import { datasetPath } from './paths';
import { getPage, getResource, optional } from './resource';

/** A dataset version (spec §3.2). */
export const versionSchema = z.looseObject({
  kind: optional(z.string()),
  tag: optional(z.string()),
  label: z.string().nullish(),
  uri: optional(z.string()),
  datasetUri: optional(z.string()),
  isReleased: optional(z.boolean()),
  isDeleted: optional(z.boolean()),
  releasedAt: z.number().nullish(),
  createdAt: z.number().nullish(),
});
export type ApiVersion = z.output<typeof versionSchema>;

const versionsPath = (baseRef: string) => `${datasetPath(baseRef)}/versions`;

export function versionsPage(
  api: RedivisApiClient,
  baseRef: string,
  options: RequestOptions & { pageToken?: string | null; maxResults?: number } = {},
): Promise<Page<ApiVersion>> {
  return getPage(api, versionsPath(baseRef), versionSchema, 'version', options);
}

export function getVersion(
  api: RedivisApiClient,
  baseRef: string,
  tag: string,
  options: RequestOptions = {},
): Promise<ApiVersion> {
  return getResource(
    api,
    `${versionsPath(baseRef)}/${encodeURIComponent(tag)}`,
    versionSchema,
    'version',
    options,
  );
}

/** Creates the dataset's unreleased version (`next`). */
export async function createNextVersion(api: RedivisApiClient, baseRef: string): Promise<void> {
  await api.json('POST', versionsPath(baseRef), { what: 'this dataset' });
}

export async function releaseNextVersion(
  api: RedivisApiClient,
  baseRef: string,
  releaseNotes: string,
): Promise<void> {
  await api.json('POST', `${versionsPath(baseRef)}/next/release`, {
    body: releaseNotes ? { releaseNotes } : {},
    what: 'this version',
  });
}

export async function unreleaseCurrentVersion(api: RedivisApiClient, baseRef: string): Promise<void> {
  await api.json('POST', `${versionsPath(baseRef)}/current/unrelease`, { what: 'this version' });
}
