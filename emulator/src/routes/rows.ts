/**
 * `GET /tables/{T}/rows` (spec §4.6, newest generation): `format` jsonl (default; `ndjson`
 * accepted) | csv | arrow, `selectedVariables` comma list, `maxResults` (no default cap),
 * and the undocumented `startIndex` some clients send. Rows of unreleased tables are
 * reconciled to the table's variables.
 */
import { ApiError } from '../http/apiError.js';
import type { RouteModule } from '../http/routeModule.js';
import { sendArrowStream } from '../readSessions/arrowBody.js';
import { StreamCut } from '../readSessions/cuttableBody.js';
import { planSplitStreams, selectVariables } from '../readSessions/sessionPlan.js';
import { sendTextStream } from '../readSessions/textBody.js';
import { rowLimit, sourcesOf } from './readSessions.js';
import { requireParam } from './routeHelpers.js';

function nonNegative(text: string | null, name: string): number | null {
  if (text === null || text === '') return null;
  if (!/^\d+$/.test(text))
    throw new ApiError(400, 'invalid_request', `${name} must be a non-negative integer`);
  return Number(text);
}

export const rowsRoutes: RouteModule = {
  register(router, deps) {
    router.add('GET', '/api/v1/tables/:table/rows', async (ctx) => {
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'data' });
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
      const selectedText = ctx.query.get('selectedVariables');
      const selected = selectedText
        ? selectVariables(
            resolved.table.variables,
            selectedText.split(',').map((s) => s.trim()),
          )
        : null;
      const maxResults = nonNegative(ctx.query.get('maxResults'), 'maxResults');
      const startIndex = nonNegative(ctx.query.get('startIndex'), 'startIndex') ?? 0;
      const sources = await sourcesOf(ctx, resolved);
      const cap = rowLimit(resolved, sources, maxResults === null ? undefined : startIndex + maxResults);
      const [plan] = await planSplitStreams(
        deps.store.dataDir,
        sources,
        selected ?? resolved.table.variables,
        cap,
        1,
      );
      if (!plan) throw new Error('No plan for rows');
      const offset = Math.min(startIndex, plan.numRows);
      try {
        if (format === 'arrow') {
          await sendArrowStream(ctx.res, deps.store.dataDir, plan, offset, { eosSentinel: false, cut: null });
        } else {
          await sendTextStream(ctx.res, deps.store.dataDir, plan, offset, format, null);
        }
      } catch (error) {
        if (error instanceof StreamCut) return;
        throw error;
      }
    });
  },
};
