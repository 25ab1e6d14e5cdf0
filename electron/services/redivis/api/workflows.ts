import { z } from 'zod';
import type { Page, RedivisApiClient, RequestOptions } from '../apiClient';
import { ownerPath, ownerSchema, type OwnerRef } from './organizations';
import { getPage, getResource, optional } from './resource';

/** The Workflow resource (spec §3.8). */
export const workflowSchema = z.looseObject({
  kind: optional(z.string()),
  id: optional(z.union([z.string(), z.number()])),
  referenceId: optional(z.string()),
  qualifiedReference: optional(z.string()),
  name: optional(z.string()),
  owner: optional(ownerSchema),
  description: z.string().nullish(),
  accessLevel: optional(z.string()),
  tableCount: optional(z.number()),
});
export type ApiWorkflow = z.output<typeof workflowSchema>;

export function getWorkflow(
  api: RedivisApiClient,
  workflowRef: string,
  options: RequestOptions = {},
): Promise<ApiWorkflow> {
  return getResource(
    api,
    `/workflows/${encodeURIComponent(workflowRef)}`,
    workflowSchema,
    'workflow',
    options,
  );
}

export function workflowsPage(
  api: RedivisApiClient,
  owner: OwnerRef,
  options: RequestOptions & { pageToken?: string | null; maxResults?: number } = {},
): Promise<Page<ApiWorkflow>> {
  return getPage(api, `${ownerPath(owner)}/workflows`, workflowSchema, 'workflow', options);
}
