import { AppFailure, appError } from '../../../shared/contract/errors';
import { queryIdOf } from '../../../shared/contract/rowSource';
import type { RedivisApiClient } from './apiClient';

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
 * API path of the rows' owner: a table given any Redivis table reference (names, ids, version
 * tags), or a query given `query:<id>` (its result).
 */
export function tablePath(tableRef: string): string {
  const queryId = queryIdOf(tableRef);
  if (queryId !== undefined) return `/queries/${encodeURIComponent(queryId)}`;
  return `/tables/${encodeURIComponent(tableRef)}`;
}

interface ReadSessionBody {
  id?: unknown;
  numRows?: unknown;
  streams?: { id?: unknown; estimatedRows?: unknown }[];
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
  const body: Record<string, unknown> = { format: 'arrow' };
  if (request.maxResults !== undefined) body.maxResults = request.maxResults;
  if (request.selectedVariables?.length) body.selectedVariables = request.selectedVariables;
  body.requestedStreamCount = request.requestedStreamCount ?? 1;
  const session = await api.json<ReadSessionBody>('POST', `${parentPath}/readSessions`, {
    body,
    signal: request.signal,
    what: 'this table',
  });
  if (!session || typeof session.id !== 'string' || !Array.isArray(session.streams)) {
    throw new AppFailure(
      appError('server', 'The server answered the read request in an unexpected shape.', {
        detail: parentPath,
      }),
    );
  }
  const streams = session.streams.map((stream) => {
    if (typeof stream.id !== 'string') {
      throw new AppFailure(appError('server', 'The server sent a read stream without an id.'));
    }
    return { id: stream.id, estimatedRows: Number(stream.estimatedRows ?? 0) || 0 };
  });
  const numRows = Number(session.numRows);
  return {
    id: session.id,
    numRows: Number.isFinite(numRows) ? numRows : streams.reduce((sum, s) => sum + s.estimatedRows, 0),
    streams,
  };
}
