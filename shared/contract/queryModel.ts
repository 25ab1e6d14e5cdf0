import { z } from 'zod';
import { appErrorSchema } from './errorSchema';

/** Where a run stands. `submitting` is the app's own; the rest are Redivis's query states. */
export const queryRunStatuses = [
  'submitting',
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
] as const;
export type QueryRunStatus = (typeof queryRunStatuses)[number];

export const queryColumnSchema = z.object({ name: z.string(), type: z.string() });

/** One run of a query, as the workbench shows it (sent as `queries.updated` on every change). */
export const queryRunSchema = z.object({
  runId: z.string(),
  status: z.enum(queryRunStatuses),
  /** Redivis's id once the query was accepted. */
  queryId: z.string().optional(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  outputNumRows: z.number().optional(),
  outputNumBytes: z.number().optional(),
  outputSchema: z.array(queryColumnSchema).optional(),
  error: appErrorSchema.optional(),
  /** Where in the query text the error is, when Redivis names a place (1-based). */
  errorPosition: z.object({ line: z.number().int(), column: z.number().int() }).optional(),
});
export type QueryRun = z.infer<typeof queryRunSchema>;

/** A table a query names, with what it costs to read (Redivis has no dry run). */
export const queryTableSchema = z.object({
  reference: z.string(),
  name: z.string().optional(),
  numRows: z.number().optional(),
  numBytes: z.number().optional(),
  /** Set when the reference could not be looked up (misspelt, no access). */
  problem: z.string().optional(),
});
export type QueryTable = z.infer<typeof queryTableSchema>;

export const queryInspectionSchema = z.object({
  tables: z.array(queryTableSchema),
  /** The query selects every column of a table larger than the warning size. */
  largeSelectStar: z.array(z.string()),
});
export type QueryInspection = z.infer<typeof queryInspectionSchema>;

/** One entry of the local history: every run is recorded. */
export const queryHistoryEntrySchema = z.object({
  runId: z.string(),
  sql: z.string(),
  defaultDataset: z.string().optional(),
  startedAt: z.number(),
  durationMs: z.number().optional(),
  status: z.enum(queryRunStatuses),
  outputNumRows: z.number().optional(),
  queryId: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type QueryHistoryEntry = z.infer<typeof queryHistoryEntrySchema>;

/** An open tab of the workbench, kept across restarts with its unsaved text. */
export const queryTabSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(300),
  sql: z.string().max(256_000),
  defaultDataset: z.string().max(1000).optional(),
  /** The `.sql` file it was opened from or saved to (a name inside the queries folder). */
  fileName: z.string().max(255).optional(),
  /** The last run's query id, so its result can be shown again. */
  lastQueryId: z.string().max(200).optional(),
});
export type QueryTab = z.infer<typeof queryTabSchema>;

export const queryTabsSchema = z.object({
  tabs: z.array(queryTabSchema).max(50),
  activeId: z.string().optional(),
});
export type QueryTabs = z.infer<typeof queryTabsSchema>;

export const savedQuerySchema = z.object({ fileName: z.string(), modifiedAt: z.number(), size: z.number() });
export type SavedQuery = z.infer<typeof savedQuerySchema>;
