/**
 * Access levels and scopes. A caller's effective level on a dataset is its own level (public
 * level, explicit grant, ownership or org admin) capped by what its token's scopes allow; the
 * public level is always available, even to anonymous callers.
 */
import { ApiError, forbidden, insufficientScope, notFound } from '../http/apiError.js';
import type { Caller } from '../http/caller.js';
import {
  ACCESS_LEVELS,
  type AccessLevel,
  type DatasetRecord,
  type StoreState,
  type WorkflowRecord,
} from '../store/model.js';

export function rank(level: AccessLevel): number {
  return ACCESS_LEVELS.indexOf(level);
}

export function maxLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return rank(a) >= rank(b) ? a : b;
}

export function minLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return rank(a) <= rank(b) ? a : b;
}

/** Highest level the token's scopes allow beyond public content. */
export function scopeCap(scopes: readonly string[]): AccessLevel {
  if (scopes.includes('data.edit')) return 'edit';
  if (scopes.includes('data.data')) return 'data';
  if (scopes.includes('data.metadata')) return 'metadata';
  if (scopes.includes('data.overview')) return 'overview';
  return 'none';
}

/** The least scope that unlocks a level (returned in `insufficient_scope` errors). */
export function scopeForLevel(level: AccessLevel): string {
  switch (level) {
    case 'edit':
      return 'data.edit';
    case 'data':
    case 'sample':
      return 'data.data';
    case 'metadata':
      return 'data.metadata';
    default:
      return 'data.overview';
  }
}

export function userLevelOnDataset(
  state: StoreState,
  dataset: DatasetRecord,
  userName: string | null,
): AccessLevel {
  let level = dataset.publicAccessLevel;
  if (!userName) return level;
  if (dataset.owner.kind === 'user' && dataset.owner.name === userName) return 'edit';
  if (dataset.owner.kind === 'organization') {
    const org = state.organizations[dataset.owner.name];
    const member = org?.members.find((m) => m.userName === userName && m.status === 'approved');
    if (member?.isAdmin) return 'edit';
  }
  const granted = dataset.access[userName];
  if (granted) level = maxLevel(level, granted);
  return level;
}

export interface AccessDecision {
  /** What the user could do with a fully scoped token. */
  userLevel: AccessLevel;
  /** What this request may do. */
  effective: AccessLevel;
}

export function datasetAccess(state: StoreState, dataset: DatasetRecord, caller: Caller): AccessDecision {
  const userLevel = userLevelOnDataset(state, dataset, caller.user?.name ?? null);
  const capped = minLevel(userLevel, scopeCap(caller.scopes));
  return { userLevel, effective: maxLevel(dataset.publicAccessLevel, capped) };
}

/** Workflows map `view` → data and `edit` → edit; the owner always edits. */
export function workflowAccess(workflow: WorkflowRecord, caller: Caller): AccessDecision {
  const name = caller.user?.name ?? null;
  let userLevel: AccessLevel = workflow.publicAccessLevel === 'view' ? 'data' : 'none';
  if (name && workflow.owner.kind === 'user' && workflow.owner.name === name) userLevel = 'edit';
  const granted = name ? workflow.access[name] : undefined;
  if (granted) userLevel = maxLevel(userLevel, granted === 'edit' ? 'edit' : 'data');
  const publicLevel: AccessLevel = workflow.publicAccessLevel === 'view' ? 'data' : 'none';
  const capped = minLevel(userLevel, scopeCap(caller.scopes));
  return { userLevel, effective: maxLevel(publicLevel, capped) };
}

/**
 * Throws unless `decision` allows `need`: 404 when the resource is invisible to the user,
 * 403 `insufficient_scope` when only the token's scopes are lacking, else 403 `forbidden`.
 */
export function assertAccess(
  decision: AccessDecision,
  need: AccessLevel,
  what: string,
  action: string,
  /** The level the whole operation needs; its scope is the one reported when scopes lack. */
  intended: AccessLevel = need,
): void {
  if (rank(decision.userLevel) < rank('overview') && rank(decision.effective) < rank('overview')) {
    throw notFound(`${what.charAt(0).toUpperCase()}${what.slice(1)} not found`);
  }
  if (rank(decision.effective) >= rank(need)) return;
  if (rank(decision.userLevel) >= rank(need)) {
    const scope = scopeForLevel(rank(intended) > rank(need) ? intended : need);
    throw insufficientScope(scope, `The "${scope}" scope is required to ${action}`);
  }
  throw forbidden(
    `You have ${decision.userLevel} access to ${what}; ${need} access is required to ${action}`,
  );
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
