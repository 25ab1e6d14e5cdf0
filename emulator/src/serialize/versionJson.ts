import { datasetVersions } from '../refs/resolveContainer.js';
import { versionTagToRef } from '../refs/referenceGrammar.js';
import type { DatasetRecord, VersionRecord } from '../store/model.js';
import { datasetUri } from './references.js';
import type { SerializeContext } from './serializeContext.js';

function versionBase(
  version: VersionRecord,
  dataset: DatasetRecord,
  ctx: SerializeContext,
): Record<string, unknown> {
  const all = datasetVersions(ctx.state, dataset.id);
  const base = datasetUri(dataset, null);
  return {
    kind: 'version',
    id: version.id,
    tag: version.tag,
    index: all.findIndex((v) => v.id === version.id),
    label: version.label,
    uri: `${base}/versions/${version.tag}`,
    url: `${ctx.origin}${base}?v=${version.tag.replace(/^v/, '')}`,
    datasetUri: datasetUri(dataset, version),
    referenceTag: versionTagToRef(version.tag),
    isReleased: version.isReleased,
    isDeleted: version.isDeleted,
  };
}

export function versionJson(
  version: VersionRecord,
  dataset: DatasetRecord,
  ctx: SerializeContext,
): Record<string, unknown> {
  const all = datasetVersions(ctx.state, dataset.id).filter((v) => !v.isDeleted);
  const position = all.findIndex((v) => v.id === version.id);
  const previous = position > 0 ? all[position - 1] : undefined;
  const next = position >= 0 ? all[position + 1] : undefined;
  return {
    ...versionBase(version, dataset, ctx),
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
    releasedAt: version.releasedAt,
    releaseNotes: version.releaseNotes,
    canRelease: !version.isReleased,
    status: 'completed',
    releaseErrorMessage: null,
    previousVersion: previous ? versionBase(previous, dataset, ctx) : null,
    nextVersion: next ? versionBase(next, dataset, ctx) : null,
  };
}
