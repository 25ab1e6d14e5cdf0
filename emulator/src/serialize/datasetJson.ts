import { datasetAccess } from '../refs/access.js';
import { nextVersion, currentVersion } from '../refs/resolveContainer.js';
import { tablesInVersionOf } from './tableListing.js';
import type { DatasetRecord, VersionRecord } from '../store/model.js';
import { tableNumBytes } from '../store/tableSources.js';
import { datasetQualifiedReference, datasetScopedReference, datasetUri } from './references.js';
import type { SerializeContext } from './serializeContext.js';
import { ownerJson } from './userJson.js';
import { versionJson } from './versionJson.js';

/** Fields only the dataset GET has (spec §3.2), not its list items. */
const GET_ONLY_FIELDS = [
  'methodologyMarkdown',
  'usageMarkdown',
  'contactInfo',
  'links',
  'version',
  'nextVersion',
];

/**
 * A dataset list item: base and list fields only. The official JS client copies list fields
 * onto its Dataset and builds references from them, so a nested `version` object there turns
 * into `demo.Iris species:[object Object]`.
 */
export function datasetListItemJson(dataset: DatasetRecord, ctx: SerializeContext): Record<string, unknown> {
  const full = datasetJson(dataset, null, ctx);
  for (const field of GET_ONLY_FIELDS) delete full[field];
  return full;
}

/**
 * The dataset resource (spec §3.2). `version` is the version the caller addressed; `explicit`
 * says whether the reference named it (then uri/references carry the version tag).
 */
export function datasetJson(
  dataset: DatasetRecord,
  version: VersionRecord | null,
  ctx: SerializeContext,
  explicit = false,
): Record<string, unknown> {
  const shown = version ?? currentVersion(ctx.state, dataset.id) ?? null;
  const refVersion = explicit ? shown : null;
  const access = datasetAccess(ctx.state, dataset, ctx.caller);
  const tables = shown ? tablesInVersionOf(ctx.state, shown.id) : [];
  const numBytes = tables.reduce((sum, t) => sum + tableNumBytes(ctx.state, t), 0);
  const next = nextVersion(ctx.state, dataset.id);
  const canEdit = access.effective === 'edit';
  const uri = datasetUri(dataset, refVersion);
  return {
    kind: 'dataset',
    id: dataset.id,
    referenceId: dataset.referenceId,
    qualifiedReference: datasetQualifiedReference(dataset, refVersion),
    scopedReference: datasetScopedReference(dataset, refVersion),
    name: dataset.name,
    url: `${ctx.origin}${uri}`,
    uri,
    doi: dataset.doi,
    owner: ownerJson(dataset.owner, ctx),
    description: dataset.description,
    labels: canEdit ? dataset.labels : [],
    accessLevel: access.effective,
    publicAccessLevel: dataset.publicAccessLevel,
    createdAt: dataset.createdAt,
    updatedAt: dataset.updatedAt,
    tableCount: tables.length,
    numBytes,
    totalNumBytes: numBytes,
    totalActiveTabularBytes: numBytes,
    totalInactiveTabularBytes: 0,
    totalRawFileBytes: 0,
    temporalRange: dataset.temporalRange,
    temporalPrecision: dataset.temporalPrecision,
    geoBBox: dataset.geoBBox,
    sampleConfiguration: dataset.sampleConfiguration,
    methodologyMarkdown: dataset.methodologyMarkdown,
    usageMarkdown: dataset.usageMarkdown,
    contactInfo: dataset.contactInfo,
    links: dataset.links,
    version: shown ? versionJson(shown, dataset, ctx) : null,
    nextVersion: next && canEdit ? versionJson(next, dataset, ctx) : null,
  };
}
