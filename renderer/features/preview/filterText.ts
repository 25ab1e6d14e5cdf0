import type { CompareOp, ViewFilter } from '../../../shared/contract/tableViewModel';

/** How a column reads typed filter text: text searches, everything else compares. */
export type FilterKind = 'text' | 'number' | 'date' | 'boolean' | 'other';

export function filterKindOf(redivisType: string | undefined): FilterKind {
  switch (redivisType) {
    case 'string':
      return 'text';
    case 'integer':
    case 'float':
      return 'number';
    case 'date':
    case 'dateTime':
    case 'time':
      return 'date';
    case 'boolean':
      return 'boolean';
    default:
      return 'other';
  }
}

const PREFIXES: [string, CompareOp][] = [
  ['>=', 'ge'],
  ['<=', 'le'],
  ['!=', 'ne'],
  ['<>', 'ne'],
  ['≠', 'ne'],
  ['≥', 'ge'],
  ['≤', 'le'],
  ['=', 'eq'],
  ['<', 'lt'],
  ['>', 'gt'],
];

function typed(kind: FilterKind, text: string): string | number {
  if (kind === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/**
 * The filter-row language, small enough to type: `beta` (text contains; other types equal),
 * `^be` (starts with), `=beta`, `!=beta`, `<10`, `<=10`, `>10`, `>=10`, `2020-01-01..2020-06-30`
 * (between), `null`, `!null`. Empty text means no filter; undefined means it did not parse.
 */
export function parseFilterText(
  column: string,
  kind: FilterKind,
  input: string,
): ViewFilter | null | undefined {
  const text = input.trim();
  if (text === '') return null;
  const lower = text.toLowerCase();
  if (lower === 'null' || lower === 'is null') return { column, op: 'isNull' };
  if (lower === '!null' || lower === 'not null' || lower === 'is not null') return { column, op: 'notNull' };
  for (const [prefix, op] of PREFIXES) {
    if (text.startsWith(prefix)) {
      const value = text.slice(prefix.length).trim();
      if (value === '') return undefined;
      return { column, op, value: typed(kind, value) };
    }
  }
  const range = /^(.+?)\s*\.\.\s*(.+)$/.exec(text);
  if (range && kind !== 'text') {
    return { column, op: 'between', low: typed(kind, range[1] ?? ''), high: typed(kind, range[2] ?? '') };
  }
  if (kind === 'text') {
    if (text.startsWith('^') && text.length > 1) return { column, op: 'startsWith', value: text.slice(1) };
    return { column, op: 'contains', value: text };
  }
  return { column, op: 'eq', value: typed(kind, text) };
}

/** The filter-row text of a filter (the inverse of parseFilterText, for showing it again). */
export function filterText(filter: ViewFilter): string {
  const symbols: Record<CompareOp, string> = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };
  switch (filter.op) {
    case 'isNull':
      return 'null';
    case 'notNull':
      return '!null';
    case 'contains':
      return filter.value;
    case 'startsWith':
      return `^${filter.value}`;
    case 'between':
      return `${String(filter.low)}..${String(filter.high)}`;
    case 'in':
      return filter.values.map(String).join(', ');
    default:
      return `${symbols[filter.op]}${String(filter.value)}`;
  }
}
