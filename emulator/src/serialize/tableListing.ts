import type { StoreState, TableRecord } from '../store/model.js';

export function tablesInVersionOf(state: StoreState, versionId: string): TableRecord[] {
  return Object.values(state.tables)
    .filter((t) => !t.isDeleted && t.container.kind === 'dataset' && t.container.versionId === versionId)
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

export function tablesInWorkflowOf(state: StoreState, workflowId: string): TableRecord[] {
  return Object.values(state.tables)
    .filter((t) => !t.isDeleted && t.container.kind === 'workflow' && t.container.workflowId === workflowId)
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}
