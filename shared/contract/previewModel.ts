import { z } from 'zod';
import { viewFilterSchema } from './tableViewModel';

export const DEFAULT_PREVIEW_ROW_CAP = 100_000;
export const MAX_PREVIEW_ROW_CAP = 10_000_000;

/** A variable of the previewed table, as the grid's column header and chooser show it. */
export const previewColumnSchema = z.object({
  name: z.string(),
  type: z.string(),
  label: z.string().optional(),
  description: z.string().optional(),
  valueLabels: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type PreviewColumn = z.infer<typeof previewColumnSchema>;

export const previewOptionsSchema = z.object({
  rowCap: z.number().int().min(1).max(MAX_PREVIEW_ROW_CAP),
});
export type PreviewOptions = z.infer<typeof previewOptionsSchema>;

const columnName = z.string().max(500);

/** How the user arranged one table's grid; remembered per table. */
export const previewViewSchema = z.object({
  columnOrder: z.array(columnName).max(20_000),
  columnSizes: z.record(columnName, z.number().min(20).max(4000)),
  hidden: z.array(columnName).max(20_000),
  sorting: z.array(z.object({ id: columnName, desc: z.boolean() })).max(10),
  /** Variables the read session asks for, in order; absent means all. */
  selectedVariables: z.array(columnName).max(20_000).optional(),
  /** Filters of the whole-table view (sorting above is its sort). */
  filters: z.array(viewFilterSchema).max(50).optional(),
});
export type PreviewView = z.infer<typeof previewViewSchema>;

export function emptyPreviewView(): PreviewView {
  return { columnOrder: [], columnSizes: {}, hidden: [], sorting: [] };
}

/** One bar of a column's distribution: a value (or a range from `value` to `to`) and its rows. */
export const profileBinSchema = z.object({
  value: z.union([z.string(), z.number(), z.boolean()]),
  /** The end of the range, for histogram bins (exclusive except in the last bin). */
  to: z.union([z.string(), z.number()]).optional(),
  count: z.number(),
  label: z.string().optional(),
});
export type ProfileBin = z.infer<typeof profileBinSchema>;

/** A column's summary over the whole table or query result. */
export const columnProfileSchema = z.object({
  column: z.string(),
  type: z.string(),
  /** `computing` while Redivis is still working on it; ask again. */
  status: z.enum(['computing', 'ready', 'failed']),
  rows: z.number().optional(),
  nullCount: z.number().optional(),
  distinct: z.number().optional(),
  min: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
  max: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
  mean: z.number().nullable().optional(),
  median: z.number().nullable().optional(),
  stdDev: z.number().nullable().optional(),
  /** `histogram` bins for numbers and dates; `top` values (most frequent first) otherwise. */
  kind: z.enum(['histogram', 'top']).optional(),
  bins: z.array(profileBinSchema).optional(),
  message: z.string().optional(),
});
export type ColumnProfile = z.infer<typeof columnProfileSchema>;
