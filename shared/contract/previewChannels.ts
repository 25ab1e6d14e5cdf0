import { z } from 'zod';
import { channel, type ChannelSpec } from './define';
import { appErrorSchema } from './errorSchema';
import {
  columnProfileSchema,
  previewColumnSchema,
  previewOptionsSchema,
  previewViewSchema,
} from './previewModel';
import { tableViewSchema } from './tableViewModel';

const tableRef = z.string().min(1).max(1000);
/** Chosen by the renderer so it can listen for a preview's events before asking for it. */
const previewId = z.string().min(1).max(100);

/** Request channels of the preview domain. */
export const previewChannels = {
  /**
   * Opens a read session (Arrow, capped) and streams its record batches to the caller as
   * `preview.batch` events; resolves once the session exists, with the rows it will deliver.
   * With a `view` that sorts or filters, Redivis first runs it as a query over the whole table
   * and the rows come from its result.
   */
  start: channel({
    params: z.object({
      previewId,
      tableRef,
      maxRows: z.number().int().min(1).max(10_000_000),
      selectedVariables: z.array(z.string().min(1).max(500)).max(20_000).optional(),
      view: tableViewSchema.optional(),
    }),
    result: z.object({
      numRows: z.number(),
      /** Rows in the whole sorted and filtered view, when Redivis computed it. */
      viewRows: z.number().optional(),
      /** What was read: the table itself, or the view's query result (`query:<id>`). */
      source: z.string(),
    }),
  }),
  /**
   * Rows [offset, offset + limit) of a view, as one Arrow IPC stream: the window the grid needs
   * when scrolled past the rows streamed at first. Computed as a paged query and kept.
   */
  window: channel({
    params: z.object({
      tableRef,
      view: tableViewSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(5_000),
    }),
    result: z.object({
      rows: z.number().int().min(0),
      ipc: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes'),
    }),
  }),
  /** The view as a query result (`query:<id>`) with its row count: what "export this view" exports. */
  viewResult: channel({
    params: z.object({ tableRef, view: tableViewSchema }),
    result: z.object({ source: z.string(), numRows: z.number() }),
  }),
  /** A column's summary over the whole table: Redivis's statistics, plus a histogram query where needed. */
  profile: channel({
    params: z.object({ tableRef, column: z.string().min(1).max(500) }),
    result: columnProfileSchema,
  }),
  /** Stops a preview's stream; a no-op when it already ended. */
  cancel: channel({ params: z.object({ previewId }), result: z.void() }),
  /** The table's variables (names, types, labels, value labels) and size, for the column chooser. */
  describe: channel({
    params: z.object({ tableRef }),
    result: z.object({
      numRows: z.number().optional(),
      columns: z.array(previewColumnSchema),
    }),
  }),
  getOptions: channel({ params: z.void(), result: previewOptionsSchema }),
  setOptions: channel({ params: previewOptionsSchema, result: previewOptionsSchema }),
  /** The remembered grid layout of one table, or null the first time. */
  loadView: channel({ params: z.object({ tableRef }), result: previewViewSchema.nullable() }),
  saveView: channel({ params: z.object({ tableRef, view: previewViewSchema }), result: z.void() }),
} satisfies Record<string, ChannelSpec>;

/** Events of the preview domain, addressed to the window that started the preview. */
export const previewEvents = {
  /**
   * One or more record batches as an Arrow IPC stream (schema + batches + end marker): the
   * messages the server sent, passed on undecoded; the renderer decodes them.
   */
  'preview.batch': z.object({
    previewId,
    /** 0, 1, 2… in arrival order. */
    seq: z.number().int().min(0),
    rows: z.number().int().min(0),
    /** Rows delivered so far, this batch included. */
    rowsLoaded: z.number().int().min(0),
    ipc: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes'),
    /**
     * Present when `ipc` is one part of a larger IPC stream: its place in it and the stream's
     * length. Parts come in order, in consecutive events; `rows` is 0 until the last part.
     * A window takes each event in one task, so large batches come in parts to keep it responsive.
     */
    part: z
      .object({ at: z.number().int().min(0), of: z.number().int().min(1) })
      .refine((part) => part.at < part.of, 'A part starts inside its stream')
      .optional(),
  }),
  'preview.ended': z.object({
    previewId,
    status: z.enum(['complete', 'cancelled', 'failed']),
    rowsLoaded: z.number().int().min(0),
    error: appErrorSchema.optional(),
  }),
} satisfies Record<string, z.ZodType>;
