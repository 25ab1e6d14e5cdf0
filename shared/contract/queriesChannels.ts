import { z } from 'zod';
import { channel, type ChannelSpec } from './define';
import {
  queryHistoryEntrySchema,
  queryInspectionSchema,
  queryRunSchema,
  queryTabsSchema,
  savedQuerySchema,
} from './queryModel';

const runId = z.string().min(1).max(100);
const sql = z.string().min(1).max(256_000);
const defaultDataset = z.string().min(1).max(1000).optional();
/** A plain `.sql` file name inside the queries folder; never a path. */
const sqlFileName = z
  .string()
  .min(5)
  .max(255)
  .regex(/^[^/\\:*?"<>|\0]+\.sql$/i, 'a plain file name ending in .sql');

/** Request channels of the query workbench. Queries run on Redivis; the app only waits. */
export const queriesChannels = {
  /**
   * Sends a query to Redivis and follows it: progress arrives as `queries.updated` events for
   * `runId` (chosen by the renderer so it can listen first). Resolves once Redivis accepted it.
   */
  run: channel({ params: z.object({ runId, sql, defaultDataset }), result: queryRunSchema }),
  /** Stops waiting for a run. Redivis may still finish the query; the app says so. */
  cancel: channel({ params: z.object({ runId }), result: z.void() }),
  /** The tables a query names, with their sizes, before it runs. */
  inspect: channel({ params: z.object({ sql, defaultDataset }), result: queryInspectionSchema }),
  /** The local history, newest first; `search` matches the query text. */
  history: channel({
    params: z.object({
      search: z.string().max(1000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    result: z.array(queryHistoryEntrySchema),
  }),
  clearHistory: channel({ params: z.void(), result: z.void() }),
  /** Open tabs and their unsaved text. */
  loadTabs: channel({ params: z.void(), result: queryTabsSchema }),
  saveTabs: channel({ params: queryTabsSchema, result: z.void() }),
  /** `.sql` files in the queries folder. */
  listSaved: channel({
    params: z.void(),
    result: z.object({ folder: z.string(), files: z.array(savedQuerySchema) }),
  }),
  save: channel({
    params: z.object({
      fileName: sqlFileName,
      sql: z.string().max(256_000),
      overwrite: z.boolean().default(false),
    }),
    result: savedQuerySchema,
  }),
  open: channel({ params: z.object({ fileName: sqlFileName }), result: z.object({ sql: z.string() }) }),
  /** Shows the queries folder in the system's file manager. */
  openFolder: channel({ params: z.void(), result: z.void() }),
} satisfies Record<string, ChannelSpec>;

export const queriesEvents = {
  'queries.updated': queryRunSchema,
} satisfies Record<string, z.ZodType>;
