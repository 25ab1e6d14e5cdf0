/**
 * Canonical references and URIs. Names are written in escaped form with their reference id;
 * dataset references carry the version unless it is the implied `current` one, and table
 * references always carry the version so they stay reproducible.
 */
import { escapeName, versionTagToRef } from '../refs/referenceGrammar.js';
import type { DatasetRecord, TableRecord, VersionRecord, WorkflowRecord } from '../store/model.js';

export function datasetScopedReference(
  dataset: DatasetRecord,
  version: VersionRecord | null,
  sample = false,
): string {
  let ref = `${escapeName(dataset.name)}:${dataset.referenceId}`;
  if (sample) ref += ':sample';
  if (version) ref += `:${versionTagToRef(version.tag)}`;
  return ref;
}

export function datasetQualifiedReference(
  dataset: DatasetRecord,
  version: VersionRecord | null,
  sample = false,
): string {
  return `${dataset.owner.name}.${datasetScopedReference(dataset, version, sample)}`;
}

export function datasetUri(dataset: DatasetRecord, version: VersionRecord | null): string {
  return `/datasets/${datasetQualifiedReference(dataset, version)}`;
}

export function workflowScopedReference(workflow: WorkflowRecord): string {
  return `${escapeName(workflow.name)}:${workflow.referenceId}`;
}

export function workflowQualifiedReference(workflow: WorkflowRecord): string {
  return `${workflow.owner.name}.${workflowScopedReference(workflow)}`;
}

export function tableScopedReference(table: TableRecord, sample = false): string {
  return `${escapeName(table.name)}:${table.referenceId}${sample ? ':sample' : ''}`;
}

export interface TableParents {
  dataset: DatasetRecord | null;
  version: VersionRecord | null;
  workflow: WorkflowRecord | null;
}

export function tableQualifiedReference(table: TableRecord, parents: TableParents, sample = false): string {
  if (parents.dataset) {
    return `${datasetQualifiedReference(parents.dataset, parents.version, sample)}.${tableScopedReference(table)}`;
  }
  if (parents.workflow) {
    return `${workflowQualifiedReference(parents.workflow)}.${tableScopedReference(table)}`;
  }
  return tableScopedReference(table);
}

export function tableUri(table: TableRecord, parents: TableParents, sample = false): string {
  return `/tables/${tableQualifiedReference(table, parents, sample)}`;
}
