import type {
  CatalogUser,
  CatalogVariable,
  DatasetDetail,
  DatasetSummary,
  DatasetVersion,
  GeoBBox,
  Owner,
  Scalar,
  TableContainer,
  TableDetail,
  TableSummary,
  TemporalCoverage,
  VariableStatistics,
  WorkflowSummary,
} from '../../../shared/contract/catalogModel';
import { withVersion } from '../../../shared/contract/catalogReference';
import type {
  RawContainer,
  RawDataset,
  RawGeoBBox,
  RawOwner,
  RawStatistics,
  RawTable,
  RawUser,
  RawVariable,
  RawVersion,
  RawWorkflow,
} from './redivisResources';

/**
 * Raw Redivis resources → contract models. Lenient on input (missing or null fields become
 * undefined) so one odd field from the server cannot break a whole page.
 */

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;
const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function scalar(value: unknown): Scalar | undefined {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return undefined;
}

/** A reference from the resource, else from its API uri (`/datasets/<ref>`), else the fallback. */
function referenceOf(raw: { qualifiedReference?: string; uri?: string }, fallback: string): string {
  if (raw.qualifiedReference) return raw.qualifiedReference;
  const fromUri = raw.uri?.split('/').filter(Boolean)[1];
  return fromUri ? decodeURIComponent(fromUri) : fallback;
}

export function toOwner(raw: RawOwner | undefined): Owner {
  return {
    kind: raw?.kind === 'organization' ? 'organization' : 'user',
    name: raw?.name ?? raw?.userName ?? 'unknown',
    fullName: text(raw?.fullName),
  };
}

export function toUser(raw: RawUser): CatalogUser {
  return { name: raw.name ?? 'unknown', fullName: text(raw.fullName) };
}

function toGeoBBox(raw: RawGeoBBox | null | undefined): GeoBBox | undefined {
  const west = number(raw?.westLongitude);
  const east = number(raw?.eastLongitude);
  const north = number(raw?.northLatitude);
  const south = number(raw?.southLatitude);
  if (west === undefined || east === undefined || north === undefined || south === undefined)
    return undefined;
  return { west, east, north, south };
}

function toTemporal(
  range: [number, number] | null | undefined,
  precision: string | null | undefined,
): TemporalCoverage | undefined {
  const from = number(range?.[0]);
  const to = number(range?.[1]);
  if (from === undefined || to === undefined) return undefined;
  return { from, to, precision: text(precision) };
}

/** `/datasets/demo.iris:ab12:v1_0` → `demo.iris:ab12:v1_0`. */
function refFromUri(uri: string | undefined): string | undefined {
  const match = uri ? /^\/datasets\/([^/?]+)$/.exec(uri) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Version tag → the form used inside references: `v1.0` → `v1_0`. */
export function versionRefTag(tag: string): string {
  return tag.replace('.', '_');
}

export function toVersion(raw: RawVersion, baseRef: string): DatasetVersion {
  const tag = raw.tag ?? 'current';
  return {
    tag,
    label: text(raw.label),
    isReleased: raw.isReleased ?? tag !== 'next',
    isDeleted: raw.isDeleted,
    releasedAt: number(raw.releasedAt),
    createdAt: number(raw.createdAt),
    releaseNotes: text(raw.releaseNotes),
    datasetRef:
      refFromUri(raw.datasetUri) ??
      withVersion(baseRef, raw.isReleased === false ? 'next' : versionRefTag(tag)),
  };
}

export function toDatasetSummary(raw: RawDataset, fallbackRef = ''): DatasetSummary {
  const ref = referenceOf(raw, fallbackRef);
  return {
    ref,
    id: raw.id === undefined ? undefined : String(raw.id),
    name: raw.name ?? ref,
    owner: toOwner(raw.owner),
    description: text(raw.description),
    accessLevel: text(raw.accessLevel),
    tableCount: number(raw.tableCount),
    numBytes: number(raw.numBytes) ?? number(raw.totalNumBytes),
    updatedAt: number(raw.updatedAt),
  };
}

export function toDatasetDetail(raw: RawDataset, requestedRef: string): DatasetDetail {
  const summary = toDatasetSummary(raw, requestedRef);
  const baseRef = withVersion(summary.ref, undefined);
  return {
    ...summary,
    baseRef,
    version: raw.version ? toVersion(raw.version, baseRef) : null,
    nextVersion: raw.nextVersion ? toVersion({ ...raw.nextVersion, isReleased: false }, baseRef) : null,
    temporal: toTemporal(raw.temporalRange, raw.temporalPrecision),
    geoBBox: toGeoBBox(raw.geoBBox),
    methodology: text(raw.methodologyMarkdown),
    usage: text(raw.usageMarkdown),
    webUrl: text(raw.url),
  };
}

export function toTableSummary(raw: RawTable, fallbackRef = ''): TableSummary {
  const ref = referenceOf(raw, fallbackRef);
  return {
    ref,
    name: raw.name ?? ref,
    description: text(raw.description),
    numRows: number(raw.numRows),
    numBytes: number(raw.numBytes),
    variableCount: number(raw.variableCount),
    isFileIndex: raw.isFileIndex,
  };
}

function toContainer(raw: RawContainer | null | undefined): TableContainer | null {
  if (!raw || (raw.kind !== 'dataset' && raw.kind !== 'workflow')) return null;
  const ref = referenceOf(raw, '');
  return ref ? { kind: raw.kind, name: raw.name ?? ref, ref } : null;
}

export function toTableDetail(raw: RawTable, requestedRef: string): TableDetail {
  return {
    ...toTableSummary(raw, requestedRef),
    accessLevel: text(raw.accessLevel),
    canDownload: raw.canDownload,
    container: toContainer(raw.container),
    entityName: text(raw.entity?.name),
    temporal: toTemporal(raw.temporalRange, raw.temporalPrecision),
    geoBBox: toGeoBBox(raw.geoBBox),
  };
}

export function toVariable(raw: RawVariable): CatalogVariable {
  const labels = Array.isArray(raw.valueLabels)
    ? raw.valueLabels.flatMap((entry) => {
        const value = scalar(entry.value);
        return value === undefined || typeof entry.label !== 'string' ? [] : [{ value, label: entry.label }];
      })
    : undefined;
  return {
    name: raw.name ?? '',
    type: raw.type ?? 'unknown',
    label: text(raw.label),
    description: text(raw.description),
    valueLabels: labels,
    isFileId: raw.isFileId,
  };
}

export function toStatistics(raw: RawStatistics): VariableStatistics {
  return {
    status: raw.status ?? 'completed',
    count: scalar(raw.count),
    numDistinct: scalar(raw.numDistinct),
    nullCount: scalar(raw.nullCount),
    min: scalar(raw.min),
    max: scalar(raw.max),
    mean: scalar(raw.mean),
    approxMedian: scalar(raw.approxMedian),
    standardDeviation: scalar(raw.standardDeviation),
  };
}

export function toWorkflow(raw: RawWorkflow, fallbackRef = ''): WorkflowSummary {
  const ref = referenceOf(raw, fallbackRef);
  return {
    ref,
    name: raw.name ?? ref,
    owner: toOwner(raw.owner),
    description: text(raw.description),
    accessLevel: text(raw.accessLevel),
    tableCount: number(raw.tableCount),
  };
}
