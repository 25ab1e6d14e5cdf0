/** `POST /__emulator/faults` (JSON knobs) and `DELETE /__emulator/faults`; 404 unless enabled. */
import { ApiError } from '../http/apiError.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import { faultSettingsSchema } from '../faults/faultState.js';

function ensureEnabled(ctx: RequestContext): void {
  if (!ctx.deps.faults.enabled) throw new ApiError(404, 'not_found', 'Fault injection is not enabled');
}

export const faultsRoutes: RouteModule = {
  register(router) {
    router.add('POST', '/__emulator/faults', async (ctx) => {
      ensureEnabled(ctx);
      const settings = await ctx.readJson(faultSettingsSchema);
      await ctx.deps.faults.set(settings);
      ctx.sendJson(200, { kind: 'faults', applied: settings });
    });

    router.add('DELETE', '/__emulator/faults', (ctx) => {
      ensureEnabled(ctx);
      ctx.deps.faults.clear();
      ctx.sendJson(200, { kind: 'faults', cleared: true });
    });
  },
};
