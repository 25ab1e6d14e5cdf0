/**
 * The persistent model of the emulator. Everything here is plain JSON kept in `state.json`;
 * table rows live in Arrow IPC stream files referenced by `DataSegment.file`.
 * Collections are keyed by the record's internal `id`.
 */

export type AccessLevel = 'none' | 'overview' | 'metadata' | 'sample' | 'data' | 'edit';
export const ACCESS_LEVELS: readonly AccessLevel[] = [
  'none',
  'overview',
  'metadata',
  'sample',
  'data',
  'edit',
];

export type VariableType =
  'string' | 'integer' | 'float' | 'boolean' | 'date' | 'dateTime' | 'time' | 'geography';

export interface ValueLabel {
  value: string;
  label: string;
}

export interface VariableStatistics {
  count: number;
  numDistinct: number;
  nullCount: number;
  min: string | number | null;
  max: string | number | null;
  mean: number | null;
  approxMedian: number | null;
  standardDeviation: number | null;
}

export interface VariableRecord {
  name: string;
  type: VariableType;
  label: string | null;
  description: string | null;
  valueLabels: ValueLabel[];
  statistics: VariableStatistics | null;
  isFileId?: boolean;
}

export interface UserRecord {
  name: string;
  fullName: string;
  contactEmail: string;
  orcid: string | null;
  createdAt: number;
}

export interface OrganizationMember {
  userName: string;
  isAdmin: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'revoked' | 'left';
  labels: string[];
  createdAt: number;
}

export interface OrganizationRecord {
  name: string;
  fullName: string;
  members: OrganizationMember[];
  createdAt: number;
}

export interface OwnerRef {
  kind: 'user' | 'organization';
  name: string;
}

export interface GeoBBox {
  westLongitude: number;
  eastLongitude: number;
  southLatitude: number;
  northLatitude: number;
}

export interface DatasetRecord {
  id: string;
  referenceId: string;
  owner: OwnerRef;
  name: string;
  description: string;
  labels: string[];
  publicAccessLevel: AccessLevel;
  /** Per-user access; owners (user datasets) and org admins always have `edit`. */
  access: Record<string, AccessLevel>;
  createdAt: number;
  updatedAt: number;
  temporalRange: [number, number] | null;
  temporalPrecision: 'year' | 'month' | 'day' | 'dateTime' | null;
  geoBBox: GeoBBox | null;
  sampleConfiguration: { variableName: string; targetRatio: number } | null;
  methodologyMarkdown: string;
  usageMarkdown: string;
  contactInfo: string;
  links: { title: string; url: string }[];
  doi: string | null;
  isDeleted: boolean;
}

export interface VersionRecord {
  id: string;
  datasetId: string;
  /** `v1.0` style once released, `next` while unreleased. */
  tag: string;
  label: string | null;
  releaseNotes: string | null;
  isReleased: boolean;
  isDeleted: boolean;
  createdAt: number;
  updatedAt: number;
  releasedAt: number | null;
}

export interface WorkflowRecord {
  id: string;
  referenceId: string;
  owner: OwnerRef;
  name: string;
  description: string;
  publicAccessLevel: 'none' | 'view';
  access: Record<string, 'view' | 'edit'>;
  createdAt: number;
  updatedAt: number;
}

export type TableContainer =
  { kind: 'dataset'; datasetId: string; versionId: string } | { kind: 'workflow'; workflowId: string };

/** Rows in one immutable Arrow IPC stream file (path relative to the data dir). */
export interface DataSegment {
  file: string;
  numRows: number;
  numBytes: number;
  /** Set when the segment came from an upload; used to name streams of unreleased tables. */
  uploadName?: string;
}

export interface TableRecord {
  id: string;
  /** Stable across versions of the same dataset. */
  referenceId: string;
  container: TableContainer;
  name: string;
  description: string;
  entityName: string | null;
  uploadMergeStrategy: 'append' | 'replace';
  isFileIndex: boolean;
  createdAt: number;
  updatedAt: number;
  variables: VariableRecord[];
  /** Rows the table has independently of uploads in this version (released data, inherited rows). */
  segments: DataSegment[];
  temporalRange: [number, number] | null;
  temporalPrecision: 'year' | 'month' | 'day' | 'dateTime' | null;
  geoBBox: GeoBBox | null;
  isDeleted: boolean;
}

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface UploadRecord {
  id: string;
  tableId: string;
  name: string;
  status: JobStatus;
  type: string;
  /** Upload options as sent by the client (hasHeaderRow, delimiter, nullMarkers, …). */
  options: Record<string, unknown>;
  variables: VariableRecord[];
  data: DataSegment | null;
  size: number;
  hash: string | null;
  badRecordsCount: number;
  percentCompleted: number;
  errorMessage: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface RawFileRecord {
  id: string;
  tableId: string;
  name: string;
  size: number;
  /** base64 md5 */
  md5Hash: string;
  /** Blob path relative to the data dir. */
  blob: string;
  contentType: string;
  addedAt: number;
  /** Extra columns of the file index for this file (listed after the standard ones). */
  metadata?: Record<string, string>;
}

export type ExportFormat = 'csv' | 'parquet' | 'ndjson' | 'avro' | 'dta' | 'sav';

export interface ExportRecord {
  id: string;
  tableId: string;
  userName: string | null;
  format: ExportFormat;
  status: JobStatus | 'cancelled';
  percentCompleted: number;
  size: number | null;
  fileCount: number | null;
  /** Part files relative to the data dir, in `filePart` order. */
  files: string[];
  errorMessage: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface TempUploadRecord {
  id: string;
  tableId: string;
  name: string;
  size: number;
  resumable: boolean;
  receivedBytes: number;
  /** Blob path relative to the data dir. */
  blob: string;
  completed: boolean;
  createdAt: number;
  expiresAt: number;
}

export interface TokenRecord {
  id: string;
  kind: 'static' | 'refresh';
  userName: string;
  scopes: string[];
  /** sha256 hex of the token; the token itself is never stored. */
  hash: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface StoreState {
  schemaVersion: number;
  /** HMAC secret for access tokens, per store. */
  secret: string;
  /** Access tokens issued before this instant (ms) are expired (fault `expireTokens`). */
  accessTokensNotBefore: number;
  users: Record<string, UserRecord>;
  organizations: Record<string, OrganizationRecord>;
  datasets: Record<string, DatasetRecord>;
  versions: Record<string, VersionRecord>;
  workflows: Record<string, WorkflowRecord>;
  tables: Record<string, TableRecord>;
  uploads: Record<string, UploadRecord>;
  rawFiles: Record<string, RawFileRecord>;
  exports: Record<string, ExportRecord>;
  tempUploads: Record<string, TempUploadRecord>;
  tokens: Record<string, TokenRecord>;
}

export const STORE_SCHEMA_VERSION = 1;
