import { z } from 'zod';

/**
 * A view of a whole table or query result: sort keys, filters and chosen columns, described as
 * data. The page never sends SQL: the Node side compiles this description (quoting every value
 * and name itself), so no filter value can change what a query means.
 */
const columnName = z.string().min(1).max(500);
/** A value as the user typed or picked it; dates as `YYYY-MM-DD`, date-times as `YYYY-MM-DD HH:MM:SS`. */
export const filterValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean()]);
export type FilterValue = z.infer<typeof filterValueSchema>;

export const compareOps = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
export type CompareOp = (typeof compareOps)[number];

export const viewFilterSchema = z.discriminatedUnion('op', [
  z.object({ column: columnName, op: z.enum(compareOps), value: filterValueSchema }),
  z.object({ column: columnName, op: z.literal('between'), low: filterValueSchema, high: filterValueSchema }),
  z.object({ column: columnName, op: z.enum(['isNull', 'notNull']) }),
  z.object({ column: columnName, op: z.enum(['contains', 'startsWith']), value: z.string().max(10_000) }),
  z.object({ column: columnName, op: z.literal('in'), values: z.array(filterValueSchema).min(1).max(1000) }),
]);
export type ViewFilter = z.infer<typeof viewFilterSchema>;
export type FilterOp = ViewFilter['op'];

export const viewSortSchema = z.object({ id: columnName, desc: z.boolean() });
export type ViewSort = z.infer<typeof viewSortSchema>;

export const tableViewSchema = z.object({
  sorting: z.array(viewSortSchema).max(10),
  filters: z.array(viewFilterSchema).max(50),
  /** Columns in order; absent means all. */
  columns: z.array(columnName).max(20_000).optional(),
});
export type TableView = z.infer<typeof tableViewSchema>;

/** Whether a view needs more than reading the table as it is (sorting or filtering). */
export function reordersOrFilters(view: TableView): boolean {
  return view.sorting.length > 0 || view.filters.length > 0;
}

/** Where a view's rows were sorted and filtered. */
export type ViewBackend = 'redivis' | 'loaded';

/** Short words for a filter, for chips and labels. */
export function describeFilter(filter: ViewFilter): string {
  const symbols: Record<CompareOp, string> = { eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥' };
  switch (filter.op) {
    case 'between':
      return `${filter.column} between ${String(filter.low)} and ${String(filter.high)}`;
    case 'isNull':
      return `${filter.column} is null`;
    case 'notNull':
      return `${filter.column} is not null`;
    case 'contains':
      return `${filter.column} contains “${filter.value}”`;
    case 'startsWith':
      return `${filter.column} starts with “${filter.value}”`;
    case 'in':
      return `${filter.column} is one of ${filter.values.map(String).join(', ')}`;
    default:
      return `${filter.column} ${symbols[filter.op]} ${String(filter.value)}`;
  }
}
