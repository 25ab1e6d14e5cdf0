import { ApiError, notFound } from '../http/apiError.js';
import type {
  AccessLevel,
  DatasetRecord,
  TableRecord,
  VersionRecord,
  WorkflowRecord,
} from '../store/model.js';
import { assertAccess, type AccessDecision } from './access.js';
import { tablesInVersionOf, tablesInWorkflowOf } from '../serialize/tableListing.js';
import { namesMatch, parseTableReference } from './referenceGrammar.js';
import {
  findDataset,
  findWorkflow,
  resolveDataset,
  resolveWorkflow,
  type ResolveOptions,
} from './resolveContainer.js';

export interface ResolvedTable {
  table: TableRecord;
  dataset: DatasetRecord | null;
  version: VersionRecord | null;
  workflow: WorkflowRecord | null;
  /** True when the reference asked for the sample (`:sample` on the dataset or the table). */
  isSample: boolean;
  access: AccessDecision;
}

function pickTable(
  tables: TableRecord[],
  name: string,
  referenceId: string | null,
  opts: ResolveOptions,
): TableRecord | undefined {
  if (opts.exactReferences && !referenceId) {
    throw new ApiError(
      400,
      'invalid_reference',
      `exactReferences requires a reference id on table "${name}"`,
    );
  }
  if (referenceId) {
    const found = tables.find((t) => t.referenceId === referenceId);
    if (found && opts.strictReferences && !namesMatch(name, found.name)) {
      throw new ApiError(
        400,
        'invalid_reference',
        `The table name "${name}" does not match reference id ${referenceId}`,
      );
    }
    return found;
  }
  return tables.find((t) => namesMatch(name, t.name));
}

/**
 * Resolves a table reference for the caller. `need` is the access level the operation
 * requires; `forWrite` means edit access, the `data.edit` scope and an unreleased version.
 */
export function resolveTableReference(
  reference: string,
  opts: ResolveOptions,
  need: AccessLevel = 'overview',
  forWrite = false,
): ResolvedTable {
  const ref = parseTableReference(reference);
  const isSample = ref.container.sample || ref.table.sample;
  const label = `table ${reference}`;
  const dataset = findDataset(ref.owner, ref.container, opts);
  if (dataset || !findWorkflow(ref.owner, ref.container, opts)) {
    if (!dataset) throw notFound(`Dataset ${ref.owner}.${ref.container.name} not found`);
    const intended: AccessLevel = forWrite ? 'edit' : isSample && need === 'data' ? 'sample' : need;
    const resolved = resolveDataset(
      ref.owner,
      { ...ref.container, sample: isSample },
      opts,
      'overview',
      intended,
    );
    const table = pickTable(
      tablesInVersionOf(opts.state, resolved.version.id),
      ref.table.name,
      ref.table.referenceId,
      opts,
    );
    if (!table) throw notFound(`Table ${ref.table.name} not found in ${ref.owner}.${ref.container.name}`);
    if (forWrite) {
      assertAccess(resolved.access, 'edit', label, 'modify it');
      if (resolved.version.isReleased) {
        throw new ApiError(
          400,
          'version_released',
          `Table ${reference} belongs to released version ${resolved.version.tag}; only tables in the next (unreleased) version can be modified`,
        );
      }
    } else {
      const wanted = isSample && need === 'data' ? 'sample' : need;
      assertAccess(resolved.access, wanted, label, describe(wanted));
    }
    return {
      table,
      dataset: resolved.dataset,
      version: resolved.version,
      workflow: null,
      isSample,
      access: resolved.access,
    };
  }
  if (isSample) throw notFound('Workflow tables have no sample');
  const resolved = resolveWorkflow(ref.owner, ref.container, opts);
  const table = pickTable(
    tablesInWorkflowOf(opts.state, resolved.workflow.id),
    ref.table.name,
    ref.table.referenceId,
    opts,
  );
  if (!table)
    throw notFound(`Table ${ref.table.name} not found in workflow ${ref.owner}.${ref.container.name}`);
  assertAccess(resolved.access, forWrite ? 'edit' : need, label, forWrite ? 'modify it' : describe(need));
  return {
    table,
    dataset: null,
    version: null,
    workflow: resolved.workflow,
    isSample: false,
    access: resolved.access,
  };
}

function describe(level: AccessLevel): string {
  switch (level) {
    case 'data':
    case 'sample':
      return 'read its rows';
    case 'metadata':
      return 'see its variables';
    case 'edit':
      return 'modify it';
    default:
      return 'see it';
  }
}
