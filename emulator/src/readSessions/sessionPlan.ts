/**
 * Turns the rows of a table (or upload, or query result) into read streams.
 *  - Released/workflow tables: rows are split into at most `requestedStreamCount` contiguous
 *    ranges (at least MIN_ROWS_PER_STREAM rows each, cut at stored batch boundaries when
 *    possible), all with the table's schema.
 *  - Unreleased tables: one stream per source (inherited rows, then each upload) with that
 *    source's own stored schema; `requestedStreamCount` is ignored.
 * `maxResults` caps the total across streams, taking rows in source order.
 */
import { Field, Schema } from 'apache-arrow';
import { ApiError } from '../http/apiError.js';
import type { VariableRecord } from '../store/model.js';
import type { RowSource } from '../store/tableSources.js';
import { findVariable } from '../store/variables.js';
import { outputSchema } from './projection.js';
import { segmentInfo } from './segmentInfo.js';

export const MIN_ROWS_PER_STREAM = 1000;

export interface StreamPiece {
  file: string;
  start: number;
  end: number;
}

export interface StreamPlan {
  pieces: StreamPiece[];
  numRows: number;
  schema: Schema;
  uploadName: string | null;
}

/** Resolves `selectedVariables` against the table's variables (400 for unknown names). */
export function selectVariables(
  variables: readonly VariableRecord[],
  selected: readonly string[] | undefined,
): VariableRecord[] {
  if (!selected || selected.length === 0) return [...variables];
  const seen = new Set<string>();
  return selected.map((name) => {
    const variable = findVariable(variables, name);
    if (!variable)
      throw new ApiError(400, 'invalid_request', `Unknown variable in selectedVariables: ${name}`);
    if (seen.has(variable.name))
      throw new ApiError(400, 'invalid_request', `Duplicate variable in selectedVariables: ${name}`);
    seen.add(variable.name);
    return variable;
  });
}

/** Cuts sources to the first `limit` rows. */
function limitSources(
  sources: readonly RowSource[],
  limit: number | null,
): { source: RowSource; rows: number }[] {
  let remaining = limit ?? Number.POSITIVE_INFINITY;
  return sources.map((source) => {
    const rows = Math.max(0, Math.min(source.segment.numRows, remaining));
    remaining -= rows;
    return { source, rows };
  });
}

export async function planSplitStreams(
  dataDir: string,
  sources: readonly RowSource[],
  variables: readonly VariableRecord[],
  limit: number | null,
  requestedStreamCount: number,
): Promise<StreamPlan[]> {
  const schema = outputSchema(variables);
  const limited = limitSources(sources, limit).filter((s) => s.rows > 0);
  const total = limited.reduce((sum, s) => sum + s.rows, 0);
  const count = Math.max(1, Math.min(requestedStreamCount, Math.ceil(total / MIN_ROWS_PER_STREAM)));
  // Global batch boundaries let split points fall where stored bytes can be sent unchanged.
  const boundaries: number[] = [];
  let base = 0;
  for (const { source, rows } of limited) {
    const info = await segmentInfo(dataDir, source.segment.file);
    let position = 0;
    for (const batch of info.index.batches) {
      position += batch.numRows;
      if (position < rows) boundaries.push(base + position);
    }
    base += rows;
  }
  const cuts: number[] = [0];
  for (let i = 1; i < count; i++) {
    const ideal = Math.round((total * i) / count);
    const previous = cuts[cuts.length - 1] ?? 0;
    const candidates = boundaries.filter((b) => b > previous && b < total);
    const snapped = candidates.reduce(
      (best, b) => (Math.abs(b - ideal) < Math.abs(best - ideal) ? b : best),
      candidates[0] ?? ideal,
    );
    if (snapped > previous && snapped < total) cuts.push(snapped);
  }
  cuts.push(total);
  const plans: StreamPlan[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] ?? 0;
    const to = cuts[i + 1] ?? total;
    const pieces: StreamPiece[] = [];
    let offset = 0;
    for (const { source, rows } of limited) {
      const start = Math.max(from, offset);
      const end = Math.min(to, offset + rows);
      if (end > start) pieces.push({ file: source.segment.file, start: start - offset, end: end - offset });
      offset += rows;
    }
    plans.push({ pieces, numRows: to - from, schema, uploadName: null });
  }
  if (plans.length === 0) plans.push({ pieces: [], numRows: 0, schema, uploadName: null });
  return plans;
}

export async function planPerSourceStreams(
  dataDir: string,
  sources: readonly RowSource[],
  selected: readonly VariableRecord[] | null,
  fallback: readonly VariableRecord[],
  limit: number | null,
): Promise<StreamPlan[]> {
  const plans: StreamPlan[] = [];
  for (const { source, rows } of limitSources(sources, limit)) {
    const info = await segmentInfo(dataDir, source.segment.file);
    let fields = info.schema.fields;
    if (selected) {
      fields = selected.flatMap((v) => {
        const field = info.schema.fields.find((f) => f.name.toLowerCase() === v.name.toLowerCase());
        return field ? [new Field(v.name, field.type, true)] : [];
      });
    }
    plans.push({
      pieces: rows > 0 ? [{ file: source.segment.file, start: 0, end: rows }] : [],
      numRows: rows,
      schema: new Schema(fields),
      uploadName: source.uploadName,
    });
  }
  if (plans.length === 0) {
    plans.push({ pieces: [], numRows: 0, schema: outputSchema(selected ?? fallback), uploadName: null });
  }
  return plans;
}
