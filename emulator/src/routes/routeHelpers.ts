import { notFound } from '../http/apiError.js';
import type { RequestContext } from '../http/routeModule.js';
import { datasetAccess, rank } from '../refs/access.js';
import type { DatasetRecord } from '../store/model.js';
import type { SerializeContext } from '../serialize/serializeContext.js';

export function serializeContext(ctx: RequestContext): SerializeContext {
  return { state: ctx.deps.store.state, origin: ctx.deps.origin(), caller: ctx.caller };
}

export function requireParam(ctx: RequestContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`Route is missing parameter ${name}`);
  return value;
}

/** Datasets of an owner the caller can at least see (overview), oldest first. */
export function visibleDatasetsOf(ctx: RequestContext, owner: string): DatasetRecord[] {
  const state = ctx.deps.store.state;
  return Object.values(state.datasets)
    .filter((d) => d.owner.name === owner && !d.isDeleted)
    .filter((d) => rank(datasetAccess(state, d, ctx.caller).effective) >= rank('overview'))
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

export function requireUserParam(ctx: RequestContext, param = 'user'): string {
  const name = requireParam(ctx, param).toLowerCase();
  if (!ctx.deps.store.state.users[name]) throw notFound(`User ${name} not found`);
  return name;
}

export function requireOrganizationParam(ctx: RequestContext, param = 'organization'): string {
  const name = requireParam(ctx, param).toLowerCase();
  if (!ctx.deps.store.state.organizations[name]) throw notFound(`Organization ${name} not found`);
  return name;
}
