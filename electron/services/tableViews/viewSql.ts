import { fail } from '../../../shared/contract/errors';
import type { TableView, ViewFilter } from '../../../shared/contract/tableViewModel';
import { literalFor, quoteName, quoteString } from './sqlLiterals';

/** A variable of the viewed rows: its name as Redivis spells it, and its Redivis type. */
export interface ViewVariable {
  name: string;
  type: string;
}

/** What the view reads: a table by reference, or a query result by its own SQL. */
export type ViewSource =
  | { kind: 'table'; reference: string }
  /** Bare table names in the result's query resolve against the dataset it was run with. */
  | { kind: 'query'; sql: string; defaultDataset?: string };

export interface ViewSqlInput {
  source: ViewSource;
  variables: readonly ViewVariable[];
  view: TableView;
  /** Rows [offset, offset + limit) of the view, for a page deep in it. */
  window?: { offset: number; limit: number };
}

/** Types BigQuery can order by (geography, arrays and structs cannot be). */
const ORDERABLE = new Set(['integer', 'float', 'string', 'date', 'dateTime', 'time', 'boolean']);
/** Extra sort keys that make the order total enough for pages to agree with each other. */
const MAX_TIE_BREAKERS = 8;

function lookup(variables: readonly ViewVariable[], name: string): ViewVariable {
  const lower = name.toLowerCase();
  const found = variables.find((v) => v.name.toLowerCase() === lower);
  if (!found) fail('bad_input', `This table has no column named “${name}”.`);
  return found;
}

function condition(variables: readonly ViewVariable[], filter: ViewFilter): string {
  const variable = lookup(variables, filter.column);
  const column = quoteName(variable.name);
  const literal = (value: Parameters<typeof literalFor>[1]) =>
    literalFor(variable.type, value, variable.name);
  switch (filter.op) {
    case 'isNull':
      return `${column} IS NULL`;
    case 'notNull':
      return `${column} IS NOT NULL`;
    case 'eq':
      return `${column} = ${literal(filter.value)}`;
    // "Not this value" keeps the rows without a value, as a spreadsheet's exclude does.
    case 'ne':
      return `(${column} IS NULL OR ${column} != ${literal(filter.value)})`;
    case 'lt':
      return `${column} < ${literal(filter.value)}`;
    case 'le':
      return `${column} <= ${literal(filter.value)}`;
    case 'gt':
      return `${column} > ${literal(filter.value)}`;
    case 'ge':
      return `${column} >= ${literal(filter.value)}`;
    case 'between':
      return `${column} BETWEEN ${literal(filter.low)} AND ${literal(filter.high)}`;
    case 'in':
      return `${column} IN (${filter.values.map(literal).join(', ')})`;
    case 'contains':
    case 'startsWith': {
      if (variable.type !== 'string') fail('bad_input', `${variable.name} is not text; compare it instead.`);
      // Case-insensitive, as a researcher typing a word expects.
      const needle = `LOWER(${quoteString(filter.value)})`;
      return filter.op === 'contains'
        ? `STRPOS(LOWER(${column}), ${needle}) > 0`
        : `STARTS_WITH(LOWER(${column}), ${needle})`;
    }
  }
}

/**
 * ORDER BY terms: the user's keys (nulls last, as the grid shows them locally), then other
 * orderable columns as tie-breakers. BigQuery returns ties and unsorted rows in no fixed order;
 * pages of the view are separate queries, so without a total order they could repeat or skip
 * rows at their seams.
 */
function orderTerms(variables: readonly ViewVariable[], view: TableView, selected: ViewVariable[]): string[] {
  const used = new Set<string>();
  const terms: string[] = [];
  for (const sort of view.sorting) {
    const variable = lookup(variables, sort.id);
    if (!ORDERABLE.has(variable.type)) fail('bad_input', `${variable.name} cannot be sorted.`);
    if (used.has(variable.name)) continue;
    used.add(variable.name);
    terms.push(`${quoteName(variable.name)} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST`);
  }
  const breakers = selected
    .filter((v) => ORDERABLE.has(v.type) && !used.has(v.name))
    .slice(0, MAX_TIE_BREAKERS);
  for (const variable of breakers) terms.push(`${quoteName(variable.name)} ASC NULLS LAST`);
  return terms;
}

export function fromClause(source: ViewSource): string {
  if (source.kind === 'table') return quoteName(source.reference);
  // The result's own query, as a subquery; its trailing semicolons would end the statement, and
  // a trailing line comment would swallow the closing parenthesis without the line break.
  const body = source.sql.replace(/[\s;]+$/, '');
  return `(\n${body}\n) AS result`;
}

function nonNegativeInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) fail('bad_input', `${what} must be a whole number.`);
  return value;
}

/** The one compiler of views to SQL: the only place the app writes SQL for the user. */
export function compileViewSql(input: ViewSqlInput): string {
  const { variables, view } = input;
  const selected = view.columns?.length
    ? view.columns.map((name) => lookup(variables, name))
    : [...variables];
  const list = view.columns?.length ? selected.map((v) => quoteName(v.name)).join(', ') : '*';
  const lines = [`SELECT ${list}`, `FROM ${fromClause(input.source)}`];
  const conditions = view.filters.map((filter) => condition(variables, filter));
  if (conditions.length > 0) lines.push(`WHERE ${conditions.join('\n  AND ')}`);
  const order = orderTerms(variables, view, selected);
  if (order.length > 0) lines.push(`ORDER BY ${order.join(', ')}`);
  if (input.window) {
    const limit = nonNegativeInteger(input.window.limit, 'A page size');
    const offset = nonNegativeInteger(input.window.offset, 'A row offset');
    lines.push(`LIMIT ${limit} OFFSET ${offset}`);
  }
  return lines.join('\n');
}
