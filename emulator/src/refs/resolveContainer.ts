/**
 * Resolves owner + container identifiers to datasets (with a version) and workflows.
 * Choices where the spec is silent: a reference id wins over a disagreeing name unless
 * `strictReferences` is set; `current` on a dataset with no released version means `next`
 * for editors (others get 404); an unreleased version is only visible to editors.
 */
import { ApiError, notFound } from '../http/apiError.js';
import type { Caller } from '../http/caller.js';
import type {
  AccessLevel,
  DatasetRecord,
  StoreState,
  VersionRecord,
  WorkflowRecord,
} from '../store/model.js';
import { assertAccess, datasetAccess, rank, workflowAccess, type AccessDecision } from './access.js';
import { namesMatch, type ContainerIdentifier } from './referenceGrammar.js';

export interface ResolveOptions {
  state: StoreState;
  caller: Caller;
  exactReferences: boolean;
  strictReferences: boolean;
}

export interface ResolvedDataset {
  dataset: DatasetRecord;
  version: VersionRecord;
  access: AccessDecision;
}

export interface ResolvedWorkflow {
  workflow: WorkflowRecord;
  access: AccessDecision;
}

function pick<T extends { name: string; referenceId: string }>(
  candidates: T[],
  id: ContainerIdentifier,
  opts: ResolveOptions,
  kind: string,
): T | undefined {
  if (opts.exactReferences && !id.referenceId) {
    throw new ApiError(
      400,
      'invalid_reference',
      `exactReferences requires a reference id on ${kind} "${id.name}"`,
    );
  }
  if (id.referenceId) {
    const found = candidates.find((c) => c.referenceId === id.referenceId);
    if (found && opts.strictReferences && !namesMatch(id.name, found.name)) {
      throw new ApiError(
        400,
        'invalid_reference',
        `The ${kind} name "${id.name}" does not match reference id ${id.referenceId} ("${found.name}")`,
      );
    }
    return found;
  }
  return candidates.find((c) => namesMatch(id.name, c.name));
}

export function ownerExists(state: StoreState, owner: string): boolean {
  return Boolean(state.users[owner] ?? state.organizations[owner]);
}

export function datasetVersions(state: StoreState, datasetId: string): VersionRecord[] {
  return Object.values(state.versions)
    .filter((v) => v.datasetId === datasetId)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function currentVersion(state: StoreState, datasetId: string): VersionRecord | undefined {
  const released = datasetVersions(state, datasetId).filter((v) => v.isReleased && !v.isDeleted);
  return released[released.length - 1];
}

export function nextVersion(state: StoreState, datasetId: string): VersionRecord | undefined {
  return datasetVersions(state, datasetId).find((v) => !v.isReleased && !v.isDeleted);
}

/** Picks the version named by `tag` (`current`, `next`, `v1.0`); access has been checked. */
export function selectVersion(
  state: StoreState,
  dataset: DatasetRecord,
  tag: string | null,
  access: AccessDecision,
): VersionRecord {
  const canEdit = rank(access.effective) >= rank('edit');
  const wanted = tag ?? 'current';
  let version: VersionRecord | undefined;
  if (wanted === 'current') {
    version = currentVersion(state, dataset.id) ?? (canEdit ? nextVersion(state, dataset.id) : undefined);
  } else if (wanted === 'next') {
    version = nextVersion(state, dataset.id);
  } else {
    version = datasetVersions(state, dataset.id).find((v) => v.tag === wanted && !v.isDeleted);
  }
  if (!version || (!version.isReleased && !canEdit)) {
    throw notFound(`Version ${wanted} of dataset ${dataset.owner.name}.${dataset.name} not found`);
  }
  return version;
}

export function findDataset(
  owner: string,
  id: ContainerIdentifier,
  opts: ResolveOptions,
): DatasetRecord | undefined {
  const candidates = Object.values(opts.state.datasets).filter((d) => d.owner.name === owner && !d.isDeleted);
  return pick(candidates, id, opts, 'dataset');
}

export function findWorkflow(
  owner: string,
  id: ContainerIdentifier,
  opts: ResolveOptions,
): WorkflowRecord | undefined {
  const candidates = Object.values(opts.state.workflows).filter((w) => w.owner.name === owner);
  return pick(candidates, id, opts, 'workflow');
}

export function resolveDataset(
  owner: string,
  id: ContainerIdentifier,
  opts: ResolveOptions,
  need: AccessLevel = 'overview',
  intended: AccessLevel = need,
): ResolvedDataset {
  const dataset = findDataset(owner, id, opts);
  const label = `dataset ${owner}.${id.name}`;
  if (!dataset) throw notFound(`${capitalize(label)} not found`);
  const access = datasetAccess(opts.state, dataset, opts.caller);
  assertAccess(access, 'overview', label, 'see it', intended);
  if (need !== 'overview') assertAccess(access, need, label, `use it with ${need} access`);
  if (id.sample && !dataset.sampleConfiguration) {
    throw notFound(`${capitalize(label)} has no sample`);
  }
  const version = selectVersion(opts.state, dataset, id.version, access);
  return { dataset, version, access };
}

export function resolveWorkflow(
  owner: string,
  id: ContainerIdentifier,
  opts: ResolveOptions,
): ResolvedWorkflow {
  const workflow = findWorkflow(owner, id, opts);
  const label = `workflow ${owner}.${id.name}`;
  if (!workflow) throw notFound(`${capitalize(label)} not found`);
  const access = workflowAccess(workflow, opts.caller);
  if (rank(access.effective) < rank('data')) {
    // Workflows have no overview level: invisible unless viewable.
    if (rank(access.userLevel) >= rank('data')) {
      assertAccess(access, 'data', label, 'see it');
    }
    throw notFound(`${capitalize(label)} not found`);
  }
  return { workflow, access };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
