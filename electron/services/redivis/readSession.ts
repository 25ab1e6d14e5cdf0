import type { RedivisApiClient } from './apiClient';
import { postReadSession } from './api/readSessions';

/** The API path of a table reference or `query:<id>`; lives with the other paths in api/paths.ts. */
export { tablePath } from './api/paths';

export interface ReadSessionStream {
  id: string;
  estimatedRows: number;
}

export interface ReadSession {
  id: string;
  numRows: number;
  streams: ReadSessionStream[];
}

export interface ReadSessionRequest {
  maxResults?: number;
  selectedVariables?: string[];
  requestedStreamCount?: number;
  signal?: AbortSignal;
}

/**
 * Opens a ReadSession (spec 4.1) in Arrow format. The server treats requestedStreamCount as
 * a maximum and may return fewer streams; for unreleased tables it returns one per upload.
 */
export async function createReadSession(
  api: RedivisApiClient,
  parentPath: string,
  request: ReadSessionRequest,
): Promise<ReadSession> {
  const session = await postReadSession(
    api,
    parentPath,
    {
      format: 'arrow',
      ...(request.maxResults !== undefined ? { maxResults: request.maxResults } : {}),
      ...(request.selectedVariables?.length ? { selectedVariables: request.selectedVariables } : {}),
      requestedStreamCount: request.requestedStreamCount ?? 1,
    },
    request.signal,
  );
  const streams = session.streams.map((stream) => ({
    id: stream.id,
    estimatedRows: Number(stream.estimatedRows ?? 0) || 0,
  }));
  const numRows = Number(session.numRows);
  return {
    id: session.id,
    numRows: Number.isFinite(numRows) ? numRows : streams.reduce((sum, s) => sum + s.estimatedRows, 0),
    streams,
  };
}
