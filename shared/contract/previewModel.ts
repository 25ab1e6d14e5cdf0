import { z } from 'zod';

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
});
export type PreviewView = z.infer<typeof previewViewSchema>;

export function emptyPreviewView(): PreviewView {
  return { columnOrder: [], columnSizes: {}, hidden: [], sorting: [] };
}
