import { z } from 'zod';
import type { RedivisApiClient } from '../apiClient';
import { tablePath } from './paths';
import { getResource, optional, sendForResource } from './resource';

/** The Export resource (spec §7.1): made by Redivis, then downloaded part by part. */
export const exportSchema = z.looseObject({
  id: z.string().min(1),
  status: z.enum(['queued', 'running', 'failed', 'cancelled', 'completed']),
  errorMessage: z.string().nullish(),
  percentCompleted: optional(z.number()),
  size: z.number().nullish(),
  fileCount: z.number().nullish(),
});
export type ApiExport = z.output<typeof exportSchema>;

export interface NewExport {
  format?: string;
  selectedVariables?: string[];
  maxResults?: number;
}

/** POST `{table or query}/exports`. */
export function createExport(
  api: RedivisApiClient,
  tableRef: string,
  request: NewExport,
  signal?: AbortSignal,
): Promise<ApiExport> {
  return sendForResource(api, 'POST', `${tablePath(tableRef)}/exports`, exportSchema, 'export', {
    body: request,
    signal,
    what: 'this table',
  });
}

export function getExport(api: RedivisApiClient, exportId: string, signal?: AbortSignal): Promise<ApiExport> {
  return getResource(api, `/exports/${encodeURIComponent(exportId)}`, exportSchema, 'export', {
    signal,
    what: 'this export',
  });
}

/** GET /exports/{id}/download?filePart=n: one part's bytes, from `from` on when resuming. */
export function requestExportPart(
  api: RedivisApiClient,
  exportId: string,
  part: number,
  options: { from?: number; signal: AbortSignal },
): Promise<Response> {
  return api.send('GET', `/exports/${encodeURIComponent(exportId)}/download`, {
    query: { filePart: part },
    headers: options.from ? { Range: `bytes=${options.from}-` } : {},
    signal: options.signal,
    what: 'this export',
  });
}
