import { z } from 'zod';
import { ApiError, notFound } from '../http/apiError.js';
import { sendPage } from '../http/pagination.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import type { ResolvedTable } from '../refs/resolveTable.js';
import type { VariableRecord } from '../store/model.js';
import { findVariable } from '../store/variables.js';
import { tableUri } from '../serialize/references.js';
import { variableJson } from '../serialize/variableJson.js';
import { sourcesOf } from './readSessions.js';
import { sendStatistics, sendVariable } from './variableStatistics.js';
import { requireParam } from './routeHelpers.js';

const valueLabel = z.object({
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
  label: z.string(),
});
const variablePatch = z.object({
  label: z.string().max(1000).nullable().optional(),
  description: z.string().max(5000).nullable().optional(),
  valueLabels: z.array(valueLabel).nullable().optional(),
});

function applyPatch(variable: VariableRecord, patch: z.infer<typeof variablePatch>): void {
  // `null` unsets a field (spec §3.3).
  if (patch.label !== undefined) variable.label = patch.label;
  if (patch.description !== undefined) variable.description = patch.description;
  if (patch.valueLabels !== undefined) variable.valueLabels = patch.valueLabels ?? [];
}

function lookup(ctx: RequestContext, resolved: ResolvedTable): { variable: VariableRecord; index: number } {
  const name = requireParam(ctx, 'variable');
  const variable = findVariable(resolved.table.variables, name);
  if (!variable) throw notFound(`Variable ${name} not found in table ${resolved.table.name}`);
  return { variable, index: resolved.table.variables.indexOf(variable) };
}

export const variablesRoutes: RouteModule = {
  register(router) {
    router.add('GET', '/api/v1/tables/:table/variables', (ctx) => {
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'metadata' });
      const uri = tableUri(resolved.table, resolved, resolved.isSample);
      const type = ctx.query.get('type');
      const all = resolved.table.variables.map((v, index) => ({ v, index }));
      const filtered = type ? all.filter(({ v }) => v.type === type) : all;
      const origin = ctx.deps.origin();
      sendPage(
        ctx,
        'variableList',
        filtered,
        ({ v, index }) => variableJson(v, index, uri, origin),
        100,
        10_000,
      );
    });

    router.add('PATCH', '/api/v1/tables/:table/variables', async (ctx) => {
      ctx.requireUser();
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
      const body = await ctx.readJson(
        z.object({ variables: z.array(variablePatch.extend({ name: z.string() })) }),
      );
      const targets = body.variables.map((patch) => {
        const variable = findVariable(resolved.table.variables, patch.name);
        if (!variable) throw new ApiError(400, 'invalid_request', `Unknown variable ${patch.name}`);
        return { variable, patch };
      });
      await ctx.deps.store.update(() =>
        targets.forEach(({ variable, patch }) => applyPatch(variable, patch)),
      );
      const uri = tableUri(resolved.table, resolved);
      const origin = ctx.deps.origin();
      ctx.sendJson(200, {
        kind: 'variableList',
        results: targets.map(({ variable }) =>
          variableJson(variable, resolved.table.variables.indexOf(variable), uri, origin),
        ),
        nextPageToken: null,
      });
    });

    router.add('GET', '/api/v1/tables/:table/variables/:variable', async (ctx) => {
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'metadata' });
      const uri = tableUri(resolved.table, resolved, resolved.isSample);
      await sendVariable(ctx, uri, resolved.table.variables, await sourcesOf(ctx, resolved));
    });

    router.add('PATCH', '/api/v1/tables/:table/variables/:variable', async (ctx) => {
      ctx.requireUser();
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
      const { variable, index } = lookup(ctx, resolved);
      const patch = await ctx.readJson(variablePatch);
      await ctx.deps.store.update(() => applyPatch(variable, patch));
      ctx.sendJson(200, variableJson(variable, index, tableUri(resolved.table, resolved), ctx.deps.origin()));
    });

    // Computed by the SQL engine for every table, uploads included (metadata access suffices,
    // as statistics are metadata).
    router.add('GET', '/api/v1/tables/:table/variables/:variable/statistics', async (ctx) => {
      const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'metadata' });
      const uri = tableUri(resolved.table, resolved, resolved.isSample);
      await sendStatistics(ctx, uri, resolved.table.variables, await sourcesOf(ctx, resolved));
    });
  },
};
