import { ApiError } from '../http/apiError.js';
import type { RequestContext } from '../http/routeModule.js';
import { assertAccess, datasetAccess, type AccessDecision } from '../refs/access.js';
import { HttpRequestContext } from '../http/requestContext.js';
import { parseContainerReference } from '../refs/referenceGrammar.js';
import {
  currentVersion,
  findDataset,
  nextVersion,
  resolveDataset,
  type ResolvedDataset,
  type ResolveOptions,
} from '../refs/resolveContainer.js';
import type { AccessLevel, DatasetRecord, VersionRecord } from '../store/model.js';
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

export interface DatasetItself {
  dataset: DatasetRecord;
  /** Null for a never-released dataset whose `next` version was deleted: it has no version left. */
  version: VersionRecord | null;
  access: AccessDecision;
  explicitVersion: boolean;
}

/**
 * Resolves `:dataset` for operations on the dataset itself (get, update, delete). A dataset that
 * lost its only version is still listed, so it must also be fetchable and deletable; only
 * operations that need a version (tables, uploads) answer 404 for it.
 */
export function resolveDatasetItself(ctx: RequestContext, need: AccessLevel = 'overview'): DatasetItself {
  const ref = parseContainerReference(requireParam(ctx, 'dataset'));
  try {
    return resolveDatasetParam(ctx, need);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404 || ref.container.version !== null) throw error;
    const opts = resolveOptionsOf(ctx);
    const dataset = findDataset(ref.owner, ref.container, opts);
    if (!dataset || currentVersion(opts.state, dataset.id) || nextVersion(opts.state, dataset.id))
      throw error;
    const access = datasetAccess(opts.state, dataset, opts.caller);
    const label = `dataset ${ref.owner}.${ref.container.name}`;
    assertAccess(access, 'overview', label, 'see it', need);
    if (need !== 'overview') assertAccess(access, need, label, `use it with ${need} access`);
    return { dataset, version: null, access, explicitVersion: false };
  }
}
