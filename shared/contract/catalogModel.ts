import { z } from 'zod';

/**
 * The catalog as the UI sees it: Redivis users, organizations, datasets, versions, tables,
 * variables and workflows, reduced to the fields the app shows. References (`ref`) are the
 * server's qualified references and are what the UI hands back to ask for more.
 */

/** none < overview < metadata < sample < data < edit (spec 3.1). Kept open for new levels. */
export const accessLevels = ['none', 'overview', 'metadata', 'sample', 'data', 'edit'] as const;
export type AccessLevel = (typeof accessLevels)[number];

export const ownerSchema = z.object({
  kind: z.enum(['user', 'organization']),
  name: z.string(),
  fullName: z.string().optional(),
});
export type Owner = z.infer<typeof ownerSchema>;

export const userSchema = z.object({ name: z.string(), fullName: z.string().optional() });
export type CatalogUser = z.infer<typeof userSchema>;

const geoBBoxSchema = z.object({
  west: z.number(),
  east: z.number(),
  north: z.number(),
  south: z.number(),
});
export type GeoBBox = z.infer<typeof geoBBoxSchema>;

/** Temporal coverage: ms epoch bounds and the precision the owner gave (year, month, day…). */
const temporalSchema = z.object({
  from: z.number(),
  to: z.number(),
  precision: z.string().optional(),
});
export type TemporalCoverage = z.infer<typeof temporalSchema>;

export const versionSchema = z.object({
  /** `v1.0` style, or `next` for the unreleased version. */
  tag: z.string(),
  label: z.string().optional(),
  isReleased: z.boolean(),
  isDeleted: z.boolean().optional(),
  releasedAt: z.number().optional(),
  createdAt: z.number().optional(),
  /** What the publisher wrote when releasing this version. */
  releaseNotes: z.string().optional(),
  /** The dataset reference pinned to this version (`owner.dataset:id:v1_0`). */
  datasetRef: z.string(),
});
export type DatasetVersion = z.infer<typeof versionSchema>;

export const datasetSummarySchema = z.object({
  ref: z.string(),
  id: z.string().optional(),
  name: z.string(),
  owner: ownerSchema,
  description: z.string().optional(),
  accessLevel: z.string().optional(),
  tableCount: z.number().optional(),
  numBytes: z.number().optional(),
  updatedAt: z.number().optional(),
});
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

export const datasetDetailSchema = datasetSummarySchema.extend({
  /** The reference without any version, for the version picker. */
  baseRef: z.string(),
  /** The version this page shows (the one addressed, else current). */
  version: versionSchema.nullable(),
  /** The unreleased next version, when the caller may see it. */
  nextVersion: versionSchema.nullable(),
  temporal: temporalSchema.optional(),
  geoBBox: geoBBoxSchema.optional(),
  methodology: z.string().optional(),
  usage: z.string().optional(),
  webUrl: z.string().optional(),
});
export type DatasetDetail = z.infer<typeof datasetDetailSchema>;

export const tableSummarySchema = z.object({
  ref: z.string(),
  name: z.string(),
  description: z.string().optional(),
  numRows: z.number().optional(),
  numBytes: z.number().optional(),
  variableCount: z.number().optional(),
  isFileIndex: z.boolean().optional(),
});
export type TableSummary = z.infer<typeof tableSummarySchema>;

export const containerSchema = z.object({
  kind: z.enum(['dataset', 'workflow']),
  name: z.string(),
  ref: z.string(),
});
export type TableContainer = z.infer<typeof containerSchema>;

export const tableDetailSchema = tableSummarySchema.extend({
  accessLevel: z.string().optional(),
  /** For a dataset table: the version it belongs to (unreleased versions accept uploads). */
  version: versionSchema.nullable().optional(),
  /** Who owns the table's dataset or workflow. */
  owner: ownerSchema.optional(),
  canDownload: z.boolean().optional(),
  container: containerSchema.nullable(),
  entityName: z.string().optional(),
  temporal: temporalSchema.optional(),
  geoBBox: geoBBoxSchema.optional(),
});
export type TableDetail = z.infer<typeof tableDetailSchema>;

const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof scalarSchema>;

export const valueLabelSchema = z.object({ value: scalarSchema, label: z.string() });
export type ValueLabel = z.infer<typeof valueLabelSchema>;

export const variableSchema = z.object({
  name: z.string(),
  type: z.string(),
  label: z.string().optional(),
  description: z.string().optional(),
  /** Present when the list already carried them; otherwise fetched with getVariable. */
  valueLabels: z.array(valueLabelSchema).optional(),
  isFileId: z.boolean().optional(),
});
export type CatalogVariable = z.infer<typeof variableSchema>;

export const statisticsSchema = z.object({
  status: z.string(),
  count: scalarSchema.optional(),
  numDistinct: scalarSchema.optional(),
  nullCount: scalarSchema.optional(),
  min: scalarSchema.optional(),
  max: scalarSchema.optional(),
  mean: scalarSchema.optional(),
  approxMedian: scalarSchema.optional(),
  standardDeviation: scalarSchema.optional(),
});
export type VariableStatistics = z.infer<typeof statisticsSchema>;

export const workflowSummarySchema = z.object({
  ref: z.string(),
  name: z.string(),
  owner: ownerSchema,
  description: z.string().optional(),
  accessLevel: z.string().optional(),
  tableCount: z.number().optional(),
});
export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;

/** One page of a list; `nextPageToken` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextPageToken: z.string().nullable() });
}
export interface CatalogPage<T> {
  items: T[];
  nextPageToken: string | null;
}

export const organizationEntrySchema = z.object({
  name: z.string(),
  fullName: z.string().optional(),
  /** preset: the demo server's organization; added: by the user; visited: seen while browsing. */
  source: z.enum(['preset', 'added', 'visited']),
});
export type OrganizationEntry = z.infer<typeof organizationEntrySchema>;

export const recentItemSchema = z.object({
  kind: z.enum(['dataset', 'table', 'workflow']),
  ref: z.string(),
  name: z.string(),
  /** Where it lives, e.g. the dataset of a table. */
  context: z.string().optional(),
  visitedAt: z.number(),
});
export type RecentItem = z.infer<typeof recentItemSchema>;

export const placesSchema = z.object({
  organizations: z.array(organizationEntrySchema),
  recent: z.array(recentItemSchema),
});
export type CatalogPlaces = z.infer<typeof placesSchema>;

/** Where a reference or link leads; the renderer turns it into a route. */
export const catalogTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner'), owner: z.string(), ownerKind: z.enum(['organization', 'user']) }),
  z.object({ kind: z.literal('dataset'), datasetRef: z.string() }),
  z.object({ kind: z.literal('workflow'), workflowRef: z.string() }),
  z.object({ kind: z.literal('table'), tableRef: z.string() }),
]);
export type CatalogTarget = z.infer<typeof catalogTargetSchema>;
