/**
 * Redivis resources as the REST API sends them (spec section 3), only the fields the app
 * reads. Everything is optional because list and get answers carry different subsets and
 * older servers lack newer fields; `catalogMapping.ts` turns these into the contract models.
 */

export interface RawOwner {
  kind?: string;
  name?: string;
  userName?: string;
  fullName?: string;
}

export interface RawUser {
  kind?: string;
  name?: string;
  fullName?: string;
}

export interface RawGeoBBox {
  westLongitude?: number;
  eastLongitude?: number;
  northLatitude?: number;
  southLatitude?: number;
}

export interface RawVersion {
  kind?: string;
  tag?: string;
  label?: string | null;
  uri?: string;
  datasetUri?: string;
  isReleased?: boolean;
  isDeleted?: boolean;
  releasedAt?: number | null;
  createdAt?: number | null;
}

export interface RawDataset {
  kind?: string;
  id?: string | number;
  referenceId?: string;
  qualifiedReference?: string;
  name?: string;
  url?: string;
  uri?: string;
  owner?: RawOwner;
  description?: string | null;
  accessLevel?: string;
  tableCount?: number;
  numBytes?: number;
  totalNumBytes?: number;
  updatedAt?: number;
  temporalRange?: [number, number] | null;
  temporalPrecision?: string | null;
  geoBBox?: RawGeoBBox | null;
  methodologyMarkdown?: string | null;
  usageMarkdown?: string | null;
  version?: RawVersion | null;
  nextVersion?: RawVersion | null;
}

export interface RawContainer {
  kind?: string;
  name?: string;
  qualifiedReference?: string;
  uri?: string;
}

export interface RawTable {
  kind?: string;
  id?: string | number;
  referenceId?: string;
  qualifiedReference?: string;
  name?: string;
  description?: string | null;
  numRows?: number;
  numBytes?: number;
  variableCount?: number;
  isFileIndex?: boolean;
  accessLevel?: string;
  canDownload?: boolean;
  entity?: { name?: string } | null;
  temporalRange?: [number, number] | null;
  temporalPrecision?: string | null;
  geoBBox?: RawGeoBBox | null;
  container?: RawContainer | null;
}

export interface RawVariable {
  name?: string;
  type?: string;
  label?: string | null;
  description?: string | null;
  isFileId?: boolean;
  valueLabels?: { value?: unknown; label?: unknown }[] | null;
}

export interface RawStatistics {
  status?: string;
  count?: unknown;
  numDistinct?: unknown;
  nullCount?: unknown;
  min?: unknown;
  max?: unknown;
  mean?: unknown;
  approxMedian?: unknown;
  standardDeviation?: unknown;
}

export interface RawWorkflow {
  kind?: string;
  id?: string | number;
  referenceId?: string;
  qualifiedReference?: string;
  name?: string;
  owner?: RawOwner;
  description?: string | null;
  accessLevel?: string;
  tableCount?: number;
}
