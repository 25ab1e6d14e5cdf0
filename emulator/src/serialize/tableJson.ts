import type { AccessLevel, TableRecord } from '../store/model.js';
import { sampleRowCount, tableNumBytes, tableNumRows } from '../store/tableSources.js';
import {
  datasetQualifiedReference,
  datasetScopedReference,
  datasetUri,
  tableQualifiedReference,
  tableScopedReference,
  tableUri,
  workflowQualifiedReference,
  workflowScopedReference,
  type TableParents,
} from './references.js';
import type { SerializeContext } from './serializeContext.js';
import { createHash } from 'node:crypto';

/** The table resource (spec §3.3 / §10). */
export function tableJson(
  table: TableRecord,
  parents: TableParents,
  ctx: SerializeContext,
  accessLevel: AccessLevel,
  sample = false,
): Record<string, unknown> {
  const uri = tableUri(table, parents, sample);
  // A file index has one row per raw file.
  let numRows = table.isFileIndex
    ? Object.values(ctx.state.rawFiles).filter((f) => f.tableId === table.id).length
    : tableNumRows(ctx.state, table);
  let numBytes = tableNumBytes(ctx.state, table);
  const ratio = parents.dataset?.sampleConfiguration?.targetRatio;
  if (sample && ratio !== undefined) {
    const sampled = sampleRowCount(numRows, ratio);
    numBytes = numRows > 0 ? Math.round((numBytes * sampled) / numRows) : 0;
    numRows = sampled;
  }
  const container = parents.dataset
    ? {
        kind: 'dataset',
        id: parents.dataset.id,
        referenceId: parents.dataset.referenceId,
        name: parents.dataset.name,
        qualifiedReference: datasetQualifiedReference(parents.dataset, parents.version),
        scopedReference: datasetScopedReference(parents.dataset, parents.version),
        uri: datasetUri(parents.dataset, parents.version),
      }
    : parents.workflow
      ? {
          kind: 'workflow',
          id: parents.workflow.id,
          referenceId: parents.workflow.referenceId,
          name: parents.workflow.name,
          qualifiedReference: workflowQualifiedReference(parents.workflow),
          scopedReference: workflowScopedReference(parents.workflow),
          uri: `/workflows/${workflowQualifiedReference(parents.workflow)}`,
        }
      : null;
  const hash = createHash('md5').update(`${table.id}:${numRows}:${table.updatedAt}`).digest('hex');
  return {
    kind: 'table',
    uri,
    id: table.id,
    url: `${ctx.origin}${uri}`,
    qualifiedReference: tableQualifiedReference(table, parents, sample),
    scopedReference: tableScopedReference(table, sample),
    referenceId: table.referenceId,
    name: table.name,
    hash,
    isSample: sample,
    isFileIndex: table.isFileIndex,
    createdAt: table.createdAt,
    updatedAt: table.updatedAt,
    description: table.description,
    numRows,
    numBytes,
    uploadMergeStrategy: table.uploadMergeStrategy,
    variableCount: table.variables.length,
    canDownload: accessLevel === 'data' || accessLevel === 'edit',
    entity: table.entityName ? { name: table.entityName } : null,
    temporalRange: table.temporalRange,
    temporalPrecision: table.temporalPrecision,
    geoBBox: table.geoBBox,
    publicAccessLevel: parents.dataset?.publicAccessLevel ?? parents.workflow?.publicAccessLevel ?? 'none',
    accessLevel,
    container,
  };
}
