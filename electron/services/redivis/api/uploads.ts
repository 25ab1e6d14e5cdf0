import { z } from 'zod';
import { AppFailure } from '../../../../shared/contract/errors';
import type { RedivisApiClient } from '../apiClient';
import { tableResourcePath, uploadPath } from './paths';
import { getResource, readResource, sendForResource, optional } from './resource';

/** A temporary upload: where the bytes go before an upload record takes them (spec §6.4). */
const tempUploadSchema = z.looseObject({ id: z.string().min(1), url: z.string().min(1) });
export type ApiTempUpload = z.output<typeof tempUploadSchema>;

/** The Upload resource (spec §3.4, §6.7). */
export const uploadSchema = z.looseObject({
  name: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  numRows: optional(z.number()),
  badRecordsCount: optional(z.number()),
  errorMessage: z.string().nullish(),
});
export type ApiUpload = z.output<typeof uploadSchema>;

/** The upload record's settings, as `POST /tables/{T}/uploads` takes them (spec §6.2). */
export interface NewUpload {
  name: string;
  type: string;
  tempUploadId: string;
  hasHeaderRow?: boolean;
  delimiter?: string | null;
  quoteCharacter?: string;
  nullMarkers?: string[];
  skipBadRecords?: boolean;
  hasQuotedNewlines?: boolean;
}

export async function createTempUpload(
  api: RedivisApiClient,
  tableRef: string,
  file: { name: string; size: number; resumable: boolean },
  signal?: AbortSignal,
): Promise<ApiTempUpload> {
  const path = `${tableResourcePath(tableRef)}/tempUploads`;
  const body = await api.json<unknown>('POST', path, {
    body: { tempUploads: [{ name: file.name, size: file.size, resumable: file.resumable }] },
    signal,
    what: 'this table',
  });
  const list = readResource(
    z.looseObject({ results: z.array(tempUploadSchema).min(1) }),
    body,
    'temporary upload',
    `POST ${path}`,
  );
  return list.results[0] as ApiTempUpload;
}

export function createUpload(
  api: RedivisApiClient,
  tableRef: string,
  upload: NewUpload,
  signal?: AbortSignal,
): Promise<ApiUpload> {
  return sendForResource(api, 'POST', `${tableResourcePath(tableRef)}/uploads`, uploadSchema, 'upload', {
    body: upload,
    signal,
    what: 'this table',
  });
}

export function getUpload(
  api: RedivisApiClient,
  tableRef: string,
  name: string,
  signal?: AbortSignal,
): Promise<ApiUpload> {
  return getResource(api, uploadPath(tableRef, name), uploadSchema, 'upload', {
    signal,
    what: 'this upload',
  });
}

/** Whether the table has an upload of this name (HEAD; not found is false). */
export async function uploadExists(
  api: RedivisApiClient,
  tableRef: string,
  name: string,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    await api.send('HEAD', uploadPath(tableRef, name), { signal, what: 'this upload' });
    return true;
  } catch (error) {
    if (error instanceof AppFailure && error.appError.code === 'not_found') return false;
    throw error;
  }
}

export async function deleteUpload(api: RedivisApiClient, tableRef: string, name: string): Promise<void> {
  await api.send('DELETE', uploadPath(tableRef, name), { what: 'this upload' });
}

/** Adds an uploaded file to a file-index table (spec §6.8). */
export async function addRawFile(
  api: RedivisApiClient,
  tableRef: string,
  file: { name: string; tempUploadId: string },
  signal?: AbortSignal,
): Promise<void> {
  await api.json('POST', `${tableResourcePath(tableRef)}/rawFiles`, {
    body: { files: [file] },
    signal,
    what: 'this table',
  });
}
