import { sendPage } from '../http/pagination.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import { parseContainerReference } from '../refs/referenceGrammar.js';
import { resolveWorkflow, type ResolvedWorkflow } from '../refs/resolveContainer.js';
import { tableJson } from '../serialize/tableJson.js';
import { tablesInWorkflowOf } from '../serialize/tableListing.js';
import { workflowJson } from '../serialize/workflowJson.js';
import { resolveOptionsOf } from './datasetResolve.js';
import { requireParam, serializeContext } from './routeHelpers.js';

function resolveWorkflowParam(ctx: RequestContext): ResolvedWorkflow {
  const ref = parseContainerReference(requireParam(ctx, 'workflow'));
  return resolveWorkflow(ref.owner, ref.container, resolveOptionsOf(ctx));
}

export const workflowsRoutes: RouteModule = {
  register(router) {
    for (const root of ['workflows', 'projects']) {
      router.add('GET', `/api/v1/${root}/:workflow`, (ctx) => {
        if (root === 'projects') ctx.warn('The /projects endpoints are deprecated; use /workflows');
        ctx.sendJson(200, workflowJson(resolveWorkflowParam(ctx).workflow, serializeContext(ctx)));
      });

      router.add('GET', `/api/v1/${root}/:workflow/tables`, (ctx) => {
        if (root === 'projects') ctx.warn('The /projects endpoints are deprecated; use /workflows');
        const { workflow, access } = resolveWorkflowParam(ctx);
        const sctx = serializeContext(ctx);
        const parents = { dataset: null, version: null, workflow };
        sendPage(ctx, 'tableList', tablesInWorkflowOf(sctx.state, workflow.id), (t) =>
          tableJson(t, parents, sctx, access.effective),
        );
      });
    }
  },
};
