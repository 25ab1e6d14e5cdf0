import { z } from 'zod';
import { ApiError } from '../http/apiError.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import { escapeName } from '../refs/referenceGrammar.js';
import type { ResolvedTable } from '../refs/resolveTable.js';
import { tableJson } from '../serialize/tableJson.js';
import { tablesInVersionOf } from '../serialize/tableListing.js';
import { requireParam, serializeContext } from './routeHelpers.js';

export function sendTable(ctx: RequestContext, resolved: ResolvedTable): void {
  ctx.sendJson(
    200,
    tableJson(resolved.table, resolved, serializeContext(ctx), resolved.access.effective, resolved.isSample),
  );
}

const updateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  uploadMergeStrategy: z.enum(['append', 'replace']).optional(),
});

export const tablesRoutes: RouteModule = {
  register(router) {
    router.add('GET', '/api/v1/tables/:table', (ctx) => {
      sendTable(ctx, ctx.resolveTable(requireParam(ctx, 'table')));
    });

    router.add('PATCH', '/api/v1/tables/:table', async (ctx) => {
      ctx.requireUser();
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
      const body = await ctx.readJson(updateBody);
      const { table } = resolved;
      const state = ctx.deps.store.state;
      if (body.name !== undefined && table.container.kind === 'dataset') {
        const clash = tablesInVersionOf(state, table.container.versionId).some(
          (t) => t.id !== table.id && escapeName(t.name) === escapeName(body.name ?? ''),
        );
        if (clash) throw new ApiError(409, 'conflict', `A table named "${body.name}" already exists`);
      }
      await ctx.deps.store.update(() => {
        if (body.name !== undefined) table.name = body.name;
        if (body.description !== undefined) table.description = body.description;
        if (body.uploadMergeStrategy !== undefined) table.uploadMergeStrategy = body.uploadMergeStrategy;
        table.updatedAt = ctx.deps.now();
      });
      sendTable(ctx, resolved);
    });

    router.add('DELETE', '/api/v1/tables/:table', async (ctx) => {
      ctx.requireUser();
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
      const body = tableJson(resolved.table, resolved, serializeContext(ctx), 'edit');
      await ctx.deps.store.update(() => {
        resolved.table.isDeleted = true;
        resolved.table.updatedAt = ctx.deps.now();
      });
      ctx.sendJson(200, { ...body, isDeleted: true });
    });
  },
};
