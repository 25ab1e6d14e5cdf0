import { z } from 'zod';
import { ApiError } from '../http/apiError.js';
import { sendPage } from '../http/pagination.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import { datasetAccess } from '../refs/access.js';
import { escapeName } from '../refs/referenceGrammar.js';
import { datasetJson } from '../serialize/datasetJson.js';
import { tableJson } from '../serialize/tableJson.js';
import { tablesInVersionOf } from '../serialize/tableListing.js';
import { resolveDatasetItself, resolveDatasetParam } from './datasetResolve.js';
import { serializeContext } from './routeHelpers.js';
import { createTableIn } from './tableCreate.js';

const updateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  publicAccessLevel: z.enum(['none', 'overview', 'metadata', 'sample', 'data']).optional(),
  description: z.string().max(256).optional(),
  labels: z.array(z.string()).optional(),
});

async function updateDataset(ctx: RequestContext): Promise<void> {
  ctx.requireUser();
  const target = resolveDatasetItself(ctx, 'edit');
  const body = await ctx.readJson(updateBody);
  const { dataset } = target;
  const store = ctx.deps.store;
  if (body.name !== undefined && escapeName(body.name) !== escapeName(dataset.name)) {
    const clash = Object.values(store.state.datasets).some(
      (d) =>
        d.id !== dataset.id &&
        !d.isDeleted &&
        d.owner.name === dataset.owner.name &&
        escapeName(d.name) === escapeName(body.name ?? ''),
    );
    if (clash) throw new ApiError(409, 'conflict', `A dataset named "${body.name}" already exists`);
  }
  await store.update(() => {
    if (body.name !== undefined) dataset.name = body.name;
    if (body.publicAccessLevel !== undefined) dataset.publicAccessLevel = body.publicAccessLevel;
    if (body.description !== undefined) dataset.description = body.description;
    if (body.labels !== undefined) dataset.labels = body.labels;
    dataset.updatedAt = ctx.deps.now();
  });
  ctx.sendJson(200, datasetJson(dataset, target.version, serializeContext(ctx), target.explicitVersion));
}

export const datasetsRoutes: RouteModule = {
  register(router) {
    router.add('GET', '/api/v1/datasets/:dataset', (ctx) => {
      const target = resolveDatasetItself(ctx);
      ctx.sendJson(
        200,
        datasetJson(target.dataset, target.version, serializeContext(ctx), target.explicitVersion),
      );
    });

    router.add('PATCH', '/api/v1/datasets/:dataset', updateDataset);
    // Older docs and the JS client update with POST on the same path.
    router.add('POST', '/api/v1/datasets/:dataset', updateDataset);

    router.add('DELETE', '/api/v1/datasets/:dataset', async (ctx) => {
      ctx.requireUser();
      const target = resolveDatasetItself(ctx, 'edit');
      const body = datasetJson(target.dataset, target.version, serializeContext(ctx));
      await ctx.deps.store.update(() => {
        target.dataset.isDeleted = true;
        target.dataset.updatedAt = ctx.deps.now();
      });
      ctx.sendJson(200, { ...body, isDeleted: true });
    });

    router.add('GET', '/api/v1/datasets/:dataset/tables', (ctx) => {
      const target = resolveDatasetParam(ctx);
      const sctx = serializeContext(ctx);
      const level = datasetAccess(sctx.state, target.dataset, ctx.caller).effective;
      const tables = tablesInVersionOf(sctx.state, target.version.id);
      const parents = { dataset: target.dataset, version: target.version, workflow: null };
      sendPage(ctx, 'tableList', tables, (t) => tableJson(t, parents, sctx, level, target.sample));
    });

    router.add('POST', '/api/v1/datasets/:dataset/tables', async (ctx) => {
      ctx.requireUser();
      ctx.requireScope('data.edit');
      const target = resolveDatasetParam(ctx, 'edit');
      if (target.version.isReleased) {
        throw new ApiError(
          400,
          'version_released',
          `Version ${target.version.tag} is released; create tables in the next version (reference it with :next)`,
        );
      }
      await createTableIn(ctx, target);
    });
  },
};
