/**
 * `GET /tables/{T}/rows` (spec §4.6, newest generation); see rowsResponse.ts for parameters.
 * Rows of unreleased tables are reconciled to the table's variables.
 */
import type { RouteModule } from '../http/routeModule.js';
import { rowLimit, sourcesOf } from './readSessions.js';
import { requireParam } from './routeHelpers.js';
import { sendRows } from './rowsResponse.js';

export const rowsRoutes: RouteModule = {
  register(router) {
    router.add('GET', '/api/v1/tables/:table/rows', async (ctx) => {
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'data' });
      const sources = await sourcesOf(ctx, resolved);
      await sendRows(ctx, {
        variables: resolved.table.variables,
        sources,
        cap: (rows) => rowLimit(resolved, sources, rows),
      });
    });
  },
};
