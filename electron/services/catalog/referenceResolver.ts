import type {
  CatalogPage,
  CatalogTarget,
  DatasetSummary,
  Owner,
} from '../../../shared/contract/catalogModel';
import {
  parseReference,
  versionOfRef,
  withVersion,
  type ParsedReference,
} from '../../../shared/contract/catalogReference';
import { AppFailure, fail } from '../../../shared/contract/errors';
import type { CatalogApi } from './catalogApi';

export interface ResolverDeps {
  catalog: CatalogApi;
  /** Owners whose lists are searched for links that carry only a persistent id. */
  searchOwners: (signal?: AbortSignal) => Promise<Pick<Owner, 'kind' | 'name'>[]>;
  /** Pages searched per owner before giving up on an id-only link. */
  maxSearchPages?: number;
}

const isNotFound = (error: unknown) =>
  error instanceof AppFailure && (error.appError.code === 'not_found' || error.appError.code === 'forbidden');

/** Reference ids inside a reference part (`iris_species:ab12:v1_0` → `['ab12', 'v1_0']`). */
function modifiersOf(part: string | undefined): string[] {
  return (part ?? '').split(':').slice(1);
}

/** Does a persistent id (`ab12-3cd4ef5gh`) or bare reference id name this reference part? */
function idMatches(id: string, candidateId: string | undefined, refPart: string | undefined): boolean {
  const wanted = id.toLowerCase();
  if (candidateId && candidateId.toLowerCase() === wanted) return true;
  const referenceId = wanted.split('-')[0];
  return modifiersOf(refPart).some((modifier) => modifier.toLowerCase() === referenceId);
}

/**
 * Turns reference-bar input into a place to go: checks that the target exists (so the error
 * shows where the user typed), decides whether `owner.name` is a dataset or a workflow, and
 * finds id-only redivis.com links among the lists the user can see.
 */
export async function resolveReference(
  input: string,
  deps: ResolverDeps,
  signal?: AbortSignal,
): Promise<CatalogTarget> {
  const parsed = parseReference(input);
  if (!parsed.ok) fail('bad_input', parsed.message);
  try {
    return await resolveParsed(parsed.reference, deps, signal);
  } catch (error) {
    const ref = 'ref' in parsed.reference ? parsed.reference.ref : undefined;
    if (ref && isNotFound(error)) await explainMissingVersion(ref, deps.catalog, signal);
    throw error;
  }
}

/**
 * `demo.iris_species:v9_9` of a dataset that exists: say that the version is missing, not that
 * the dataset is. Does nothing when the reference names no version or the dataset itself is gone.
 */
async function explainMissingVersion(ref: string, catalog: CatalogApi, signal?: AbortSignal): Promise<void> {
  const version = versionOfRef(ref);
  if (!version) return;
  const datasetRef = withVersion(ref.split('.').slice(0, 2).join('.'), undefined);
  const dataset = await catalog.getDataset(datasetRef, signal).catch(() => undefined);
  if (!dataset) return;
  const label = version === 'next' ? 'unreleased (next) version' : `version ${version.replace('_', '.')}`;
  fail('not_found', `${dataset.name} has no ${label} that you can see.`, {
    detail: `${ref}: the dataset exists; its versions are listed on its page.`,
  });
}

async function resolveParsed(
  reference: ParsedReference,
  deps: ResolverDeps,
  signal?: AbortSignal,
): Promise<CatalogTarget> {
  const { catalog } = deps;
  switch (reference.kind) {
    case 'owner':
      return {
        kind: 'owner',
        owner: reference.owner,
        ownerKind: await ownerKindOf(reference.owner, catalog, signal),
      };
    case 'dataset': {
      const dataset = await catalog.getDataset(reference.ref, signal);
      return { kind: 'dataset', datasetRef: keepVersion(dataset.ref, reference.ref) };
    }
    case 'workflow': {
      const workflow = await catalog.getWorkflow(reference.ref, signal);
      return { kind: 'workflow', workflowRef: workflow.ref };
    }
    case 'table': {
      const table = await catalog.getTable(reference.ref, signal);
      return { kind: 'table', tableRef: table.ref };
    }
    case 'container':
      try {
        const dataset = await catalog.getDataset(reference.ref, signal);
        return { kind: 'dataset', datasetRef: keepVersion(dataset.ref, reference.ref) };
      } catch (datasetError) {
        if (!isNotFound(datasetError)) throw datasetError;
        try {
          const workflow = await catalog.getWorkflow(reference.ref, signal);
          return { kind: 'workflow', workflowRef: workflow.ref };
        } catch {
          throw datasetError;
        }
      }
    case 'datasetId':
      return findDatasetById(reference, deps, signal);
    case 'workflowId':
      return findWorkflowById(reference.workflowId, deps, signal);
  }
}

/** The server's canonical reference, pinned to the version the user asked for. */
function keepVersion(canonical: string, typed: string): string {
  const version = versionOfRef(typed);
  return version ? withVersion(canonical, version) : canonical;
}

async function ownerKindOf(
  owner: string,
  catalog: CatalogApi,
  signal?: AbortSignal,
): Promise<'organization' | 'user'> {
  // There is no organization GET in the public API; clients probe its dataset list (spec 3.1).
  for (const kind of ['organization', 'user'] as const) {
    try {
      await catalog.listDatasets({ kind, name: owner }, null, signal);
      return kind;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return fail('not_found', `There is no user or organization named "${owner}", or you can't see it.`);
}

async function findDatasetById(
  reference: { datasetId: string; version?: string; tableId?: string },
  deps: ResolverDeps,
  signal?: AbortSignal,
): Promise<CatalogTarget> {
  for (const owner of await deps.searchOwners(signal)) {
    let pageToken: string | null = null;
    for (let page = 0; page < (deps.maxSearchPages ?? 10); page++) {
      const list: CatalogPage<DatasetSummary> = await deps.catalog
        .listDatasets(owner, pageToken, signal)
        .catch((error: unknown) => {
          if (isNotFound(error)) return { items: [], nextPageToken: null };
          throw error;
        });
      const found = list.items.find((d) => idMatches(reference.datasetId, d.id, d.ref.split('.')[1]));
      if (found) {
        const datasetRef = withVersion(found.ref, reference.version);
        if (!reference.tableId) return { kind: 'dataset', datasetRef };
        return findTableById(datasetRef, reference.tableId, deps, signal);
      }
      pageToken = list.nextPageToken;
      if (!pageToken) break;
    }
  }
  return fail(
    'not_found',
    'That link names a dataset only by its id, and no dataset you can see has it. Paste its reference instead (owner.dataset).',
  );
}

async function findTableById(
  datasetRef: string,
  tableId: string,
  deps: ResolverDeps,
  signal?: AbortSignal,
): Promise<CatalogTarget> {
  let pageToken: string | null = null;
  do {
    const list = await deps.catalog.listTables({ kind: 'dataset', ref: datasetRef }, pageToken, signal);
    const found = list.items.find((t) => idMatches(tableId, undefined, t.ref.split('.').slice(2).join('.')));
    if (found) return { kind: 'table', tableRef: found.ref };
    pageToken = list.nextPageToken;
  } while (pageToken);
  // The dataset was found; show it rather than failing outright.
  return { kind: 'dataset', datasetRef };
}

async function findWorkflowById(
  workflowId: string,
  deps: ResolverDeps,
  signal?: AbortSignal,
): Promise<CatalogTarget> {
  for (const owner of await deps.searchOwners(signal)) {
    const list = await deps.catalog.listWorkflows(owner, null, signal).catch((error: unknown) => {
      if (isNotFound(error)) return { items: [], nextPageToken: null };
      throw error;
    });
    const found = list.items.find((w) => idMatches(workflowId, undefined, w.ref.split('.')[1]));
    if (found) return { kind: 'workflow', workflowRef: found.ref };
  }
  return fail('not_found', 'No workflow you can see has the id in that link. Paste its reference instead.');
}
