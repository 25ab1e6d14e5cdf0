import { z } from 'zod';
import type { RedivisApiClient } from '../apiClient';
import { sendForResource } from './resource';

/** A ReadSession (spec §4.1): the streams to read a table's, upload's or query result's rows from. */
export const readSessionSchema = z.looseObject({
  id: z.string().min(1),
  numRows: z.union([z.number(), z.string()]).nullish(),
  streams: z.array(
    z.looseObject({
      id: z.string().min(1),
      estimatedRows: z.union([z.number(), z.string()]).nullish(),
    }),
  ),
});
export type ApiReadSession = z.output<typeof readSessionSchema>;

export interface NewReadSession {
  format: 'arrow';
  maxResults?: number;
  selectedVariables?: string[];
  requestedStreamCount: number;
}

/** POST `{parentPath}/readSessions`; `parentPath` is a table, upload or query path. */
export function postReadSession(
  api: RedivisApiClient,
  parentPath: string,
  request: NewReadSession,
  signal?: AbortSignal,
): Promise<ApiReadSession> {
  return sendForResource(api, 'POST', `${parentPath}/readSessions`, readSessionSchema, 'read session', {
    body: request,
    signal,
    what: 'this table',
  });
}
