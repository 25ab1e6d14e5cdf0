import { z } from 'zod';
import { channel, type ChannelSpec } from './define';
import {
  catalogTargetSchema,
  datasetDetailSchema,
  datasetSummarySchema,
  pageSchema,
  placesSchema,
  statisticsSchema,
  tableDetailSchema,
  tableSummarySchema,
  userSchema,
  variableSchema,
  versionSchema,
  workflowSummarySchema,
} from './catalogModel';

const ref = z.string().trim().min(1).max(2000);
/**
 * Groups the requests of one page view: `catalog.cancel({loadId})` aborts every request of
 * that view still running, so navigating away stops network work the user no longer wants.
 */
const loadId = z.string().min(1).max(100).optional();
const pageToken = z.string().max(2000).nullish();
const ownerParam = z.object({
  kind: z.enum(['user', 'organization']),
  name: z.string().regex(/^[A-Za-z0-9_]+$/, 'owner names use letters, digits and underscores'),
});

/** Request channels of the catalog domain. */
export const catalogChannels = {
  /** The signed-in user. */
  me: channel({ params: z.void(), result: userSchema }),
  listDatasets: channel({
    params: z.object({ owner: ownerParam, pageToken, loadId }),
    result: pageSchema(datasetSummarySchema),
  }),
  listWorkflows: channel({
    params: z.object({ owner: ownerParam, pageToken, loadId }),
    result: pageSchema(workflowSummarySchema),
  }),
  getDataset: channel({ params: z.object({ datasetRef: ref, loadId }), result: datasetDetailSchema }),
  listVersions: channel({
    params: z.object({ datasetRef: ref, pageToken, loadId }),
    result: pageSchema(versionSchema),
  }),
  getVersion: channel({
    params: z.object({ datasetRef: ref, tag: z.string().min(1).max(40), loadId }),
    result: versionSchema,
  }),
  /** Tables of a dataset (at the version its reference names) or of a workflow. */
  listTables: channel({
    params: z.object({
      container: z.object({ kind: z.enum(['dataset', 'workflow']), ref }),
      pageToken,
      loadId,
    }),
    result: pageSchema(tableSummarySchema),
  }),
  getTable: channel({ params: z.object({ tableRef: ref, loadId }), result: tableDetailSchema }),
  listVariables: channel({
    params: z.object({ tableRef: ref, pageToken, loadId }),
    result: pageSchema(variableSchema),
  }),
  getVariable: channel({
    params: z.object({ tableRef: ref, name: z.string().min(1).max(500), loadId }),
    result: variableSchema,
  }),
  getVariableStatistics: channel({
    params: z.object({ tableRef: ref, name: z.string().min(1).max(500), loadId }),
    result: statisticsSchema,
  }),
  getWorkflow: channel({ params: z.object({ workflowRef: ref, loadId }), result: workflowSummarySchema }),
  /** Turns anything pasted into the reference bar into a place to go, or a clear error. */
  resolveReference: channel({
    params: z.object({ input: z.string().max(4000), loadId }),
    result: catalogTargetSchema,
  }),
  /** Organizations in the sidebar and recently opened items, for the current server. */
  places: channel({ params: z.void(), result: placesSchema }),
  /** Adds an organization after checking it exists. */
  addOrganization: channel({
    params: z.object({ name: z.string().trim().min(1).max(100) }),
    result: placesSchema,
  }),
  removeOrganization: channel({
    params: z.object({ name: z.string().min(1).max(100) }),
    result: placesSchema,
  }),
  cancel: channel({ params: z.object({ loadId: z.string().min(1).max(100) }), result: z.void() }),
} satisfies Record<string, ChannelSpec>;

/** Events of the catalog domain. */
export const catalogEvents = {
  /** Sidebar places changed (an item was opened, an organization added or visited). */
  'catalog.placesChanged': placesSchema,
} satisfies Record<string, z.ZodType>;
