/**
 * A query job as the Queries API reports it. Records live in memory (a restart forgets them,
 * as it forgets read sessions); their results are ordinary stored segments.
 */
import type { DataSegment, VariableRecord } from '../store/model.js';

export type QueryStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface QueryOutputRecord {
  segment: DataSegment;
  variables: VariableRecord[];
}

export interface QueryRecord {
  id: string;
  createdBy: string;
  query: string;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  status: QueryStatus;
  errorMessage: string | null;
  output: QueryOutputRecord | null;
  /** Settles when the query reaches `completed` or `failed`. */
  finished: Promise<void>;
}

export function queryJson(q: QueryRecord, origin: string): Record<string, unknown> {
  const output = q.status === 'completed' ? q.output : null;
  return {
    kind: 'query',
    id: q.id,
    uri: `/queries/${q.id}`,
    url: `${origin}/api/v1/queries/${q.id}`,
    query: q.query,
    createdAt: q.createdAt,
    startedAt: q.startedAt,
    completedAt: q.completedAt,
    status: q.status,
    errorMessage: q.errorMessage,
    outputNumRows: output ? output.segment.numRows : null,
    outputNumBytes: output ? output.segment.numBytes : null,
    outputSchema: output ? output.variables.map((v) => ({ name: v.name, type: v.type })) : null,
  };
}
