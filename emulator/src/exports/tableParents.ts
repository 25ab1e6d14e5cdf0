/**
 * Finding a table's container and the caller's access to it when the request names the table
 * by an id (raw files, exports) instead of a reference.
 */
import type { Caller } from '../http/routeModule.js';
import { assertAccess, datasetAccess, workflowAccess, type AccessDecision } from '../refs/access.js';
import type { TableParents } from '../serialize/references.js';
import type { AccessLevel, StoreState, TableRecord } from '../store/model.js';

export function parentsOf(state: StoreState, table: TableRecord): TableParents {
  if (table.container.kind === 'dataset') {
    return {
      dataset: state.datasets[table.container.datasetId] ?? null,
      version: state.versions[table.container.versionId] ?? null,
      workflow: null,
    };
  }
  return { dataset: null, version: null, workflow: state.workflows[table.container.workflowId] ?? null };
}

export function accessOnTable(state: StoreState, table: TableRecord, caller: Caller): AccessDecision {
  const parents = parentsOf(state, table);
  if (parents.dataset && !parents.dataset.isDeleted) return datasetAccess(state, parents.dataset, caller);
  if (parents.workflow) return workflowAccess(parents.workflow, caller);
  return { userLevel: 'none', effective: 'none' };
}

/** Throws 404/403 like reference-based routes unless the caller has `need` on the table. */
export function assertTableAccess(
  state: StoreState,
  table: TableRecord,
  caller: Caller,
  need: AccessLevel,
  what: string,
  action: string,
): void {
  if (table.isDeleted) {
    assertAccess({ userLevel: 'none', effective: 'none' }, need, what, action);
  }
  assertAccess(accessOnTable(state, table, caller), need, what, action);
}
