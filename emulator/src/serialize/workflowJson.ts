import { workflowAccess } from '../refs/access.js';
import type { WorkflowRecord } from '../store/model.js';
import { workflowQualifiedReference, workflowScopedReference } from './references.js';
import type { SerializeContext } from './serializeContext.js';
import { tablesInWorkflowOf } from './tableListing.js';
import { ownerJson } from './userJson.js';

export function workflowJson(workflow: WorkflowRecord, ctx: SerializeContext): Record<string, unknown> {
  const access = workflowAccess(workflow, ctx.caller);
  const uri = `/workflows/${workflowQualifiedReference(workflow)}`;
  return {
    kind: 'workflow',
    id: workflow.id,
    referenceId: workflow.referenceId,
    qualifiedReference: workflowQualifiedReference(workflow),
    scopedReference: workflowScopedReference(workflow),
    name: workflow.name,
    url: `${ctx.origin}${uri}`,
    uri,
    owner: ownerJson(workflow.owner, ctx),
    createdAt: workflow.createdAt,
    updatedAt: workflow.updatedAt,
    lastActive: workflow.updatedAt,
    publicAccessLevel: workflow.publicAccessLevel,
    studyAccessLevel: null,
    accessLevel: access.effective === 'edit' ? 'edit' : 'view',
    study: null,
    description: workflow.description,
    tableCount: tablesInWorkflowOf(ctx.state, workflow.id).length,
    transformCount: 0,
    notebookCount: 0,
  };
}
