import type { RouteModule } from '../http/routeModule.js';
import { sendPage } from '../http/pagination.js';
import { workflowAccess, rank } from '../refs/access.js';
import { datasetListItemJson } from '../serialize/datasetJson.js';
import { userJson } from '../serialize/userJson.js';
import { workflowJson } from '../serialize/workflowJson.js';
import { createDataset } from './datasetCreate.js';
import { requireUserParam, serializeContext, visibleDatasetsOf } from './routeHelpers.js';

export const usersRoutes: RouteModule = {
  register(router) {
    router.add('GET', '/api/v1/users/me', (ctx) => {
      ctx.sendJson(200, userJson(ctx.requireUser(), serializeContext(ctx)));
    });

    router.add('GET', '/api/v1/users/:user', (ctx) => {
      const name = requireUserParam(ctx);
      const user = ctx.deps.store.state.users[name];
      if (user) ctx.sendJson(200, userJson(user, serializeContext(ctx)));
    });

    router.add('GET', '/api/v1/users/:user/datasets', (ctx) => {
      const name = requireUserParam(ctx);
      const sctx = serializeContext(ctx);
      sendPage(ctx, 'datasetList', visibleDatasetsOf(ctx, name), (d) => datasetListItemJson(d, sctx));
    });

    router.add('POST', '/api/v1/users/:user/datasets', async (ctx) => {
      const name = requireUserParam(ctx);
      await createDataset(ctx, { kind: 'user', name });
    });

    router.add('GET', '/api/v1/users/:user/workflows', (ctx) => {
      const name = requireUserParam(ctx);
      const sctx = serializeContext(ctx);
      const workflows = Object.values(ctx.deps.store.state.workflows)
        .filter((w) => w.owner.name === name)
        .filter((w) => rank(workflowAccess(w, ctx.caller).effective) >= rank('data'))
        .sort((a, b) => a.createdAt - b.createdAt);
      sendPage(ctx, 'workflowList', workflows, (w) => workflowJson(w, sctx));
    });
  },
};
