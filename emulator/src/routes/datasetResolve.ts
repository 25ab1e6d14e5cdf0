import type { RequestContext } from '../http/routeModule.js';
import { HttpRequestContext } from '../http/requestContext.js';
import { parseContainerReference } from '../refs/referenceGrammar.js';
import { resolveDataset, type ResolvedDataset, type ResolveOptions } from '../refs/resolveContainer.js';
import type { AccessLevel } from '../store/model.js';
import { requireParam } from './routeHelpers.js';

export interface DatasetTarget extends ResolvedDataset {
  /** True when the reference named a version (then responses keep it in their references). */
  explicitVersion: boolean;
  sample: boolean;
}

export function resolveOptionsOf(ctx: RequestContext): ResolveOptions {
  if (ctx instanceof HttpRequestContext) return ctx.resolveOptions();
  return {
    state: ctx.deps.store.state,
    caller: ctx.caller,
    exactReferences: ctx.query.get('exactReferences') === 'true',
    strictReferences: ctx.query.get('strictReferences') === 'true',
  };
}

/** Resolves the `:dataset` path parameter; 400 for malformed references, 404 when invisible. */
export function resolveDatasetParam(
  ctx: RequestContext,
  need: AccessLevel = 'overview',
  param = 'dataset',
): DatasetTarget {
  const ref = parseContainerReference(requireParam(ctx, param));
  const resolved = resolveDataset(ref.owner, ref.container, resolveOptionsOf(ctx), need);
  if (!resolved.version.isReleased) {
    ctx.warn(`Dataset ${resolved.dataset.name} is addressed at its unreleased version`);
  }
  return { ...resolved, explicitVersion: ref.container.version !== null, sample: ref.container.sample };
}
