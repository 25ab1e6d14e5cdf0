/**
 * The body of `GET …/rows` for tables and query results: `format` jsonl (default; `ndjson`
 * accepted with a warning) | csv | arrow, `selectedVariables` (repeated or comma list),
 * `maxResults` (no default cap), and the undocumented `startIndex` some clients send.
 */
import { ApiError } from '../http/apiError.js';
import { listParam } from '../http/listParam.js';
import type { RequestContext } from '../http/routeModule.js';
import { sendArrowStream } from '../readSessions/arrowBody.js';
import { StreamCut } from '../readSessions/cuttableBody.js';
import { planSplitStreams, selectVariables } from '../readSessions/sessionPlan.js';
import { sendTextStream } from '../readSessions/textBody.js';
import type { VariableRecord } from '../store/model.js';
import type { RowSource } from '../store/tableSources.js';

function nonNegative(text: string | null, name: string): number | null {
  if (text === null || text === '') return null;
  if (!/^\d+$/.test(text))
    throw new ApiError(400, 'invalid_request', `${name} must be a non-negative integer`);
  return Number(text);
}

export interface RowsSource {
  variables: readonly VariableRecord[];
  sources: RowSource[];
  /** The row cap for a requested count of leading rows (null = all). */
  cap(rows: number | undefined): number | null;
}

export async function sendRows(ctx: RequestContext, rows: RowsSource): Promise<void> {
  const formatText = (ctx.query.get('format') ?? 'jsonl').toLowerCase();
  const format = formatText === 'ndjson' ? 'jsonl' : formatText;
  if (formatText === 'ndjson') ctx.warn('format=ndjson is deprecated; use format=jsonl');
  if (format !== 'jsonl' && format !== 'csv' && format !== 'arrow') {
    throw new ApiError(
      400,
      'invalid_request',
      `Unsupported format "${formatText}" (use jsonl, csv or arrow)`,
    );
  }
  const selectedNames = listParam(ctx.query, 'selectedVariables');
  const selected = selectedNames ? selectVariables(rows.variables, selectedNames) : null;
  const maxResults = nonNegative(ctx.query.get('maxResults'), 'maxResults');
  const startIndex = nonNegative(ctx.query.get('startIndex'), 'startIndex') ?? 0;
  const cap = rows.cap(maxResults === null ? undefined : startIndex + maxResults);
  const dataDir = ctx.deps.store.dataDir;
  const [plan] = await planSplitStreams(dataDir, rows.sources, selected ?? rows.variables, cap, 1);
  if (!plan) throw new Error('No plan for rows');
  const offset = Math.min(startIndex, plan.numRows);
  try {
    if (format === 'arrow') {
      await sendArrowStream(ctx.res, dataDir, plan, offset, { eosSentinel: false, cut: null });
    } else {
      await sendTextStream(ctx.res, dataDir, plan, offset, format, null);
    }
  } catch (error) {
    if (error instanceof StreamCut) return;
    throw error;
  }
}
