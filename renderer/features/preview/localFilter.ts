import { DataType } from 'apache-arrow';
import type { FilterValue, ViewFilter } from '../../../shared/contract/tableViewModel';
import { formatCell } from './cellFormat';
import type { PreviewRows } from './previewRows';

type Test = (value: unknown) => boolean;

/** How a column's values compare: as numbers, as text (dates read as their ISO text), or booleans. */
type Kind = 'number' | 'text' | 'boolean';

function kindOf(type: DataType | undefined): Kind {
  if (!type) return 'text';
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isBool(type)) return 'boolean';
  return 'text';
}

/** A filter value in the column's terms; date-times typed with a `T` compare like the grid's text. */
function operand(kind: Kind, value: FilterValue): number | string | boolean {
  if (kind === 'number') return typeof value === 'number' ? value : Number(String(value).trim());
  if (kind === 'boolean') return String(value).trim().toLowerCase() === 'true';
  return typeof value === 'string' ? value.replace(/^(\d{4}-\d{2}-\d{2})T/, '$1 ') : String(value);
}

/**
 * The same filters the SQL compiler writes, applied to loaded rows: comparisons with a null are
 * false, "≠" keeps nulls, text matches ignore case. Dates and times compare as the text the grid
 * shows (YYYY-MM-DD…), whose order is their order in time.
 */
function testFor(filter: ViewFilter, type: DataType | undefined): Test {
  const kind = kindOf(type);
  const read = (value: unknown): number | string | boolean =>
    kind === 'number' ? Number(value) : kind === 'boolean' ? Boolean(value) : formatCell(value, type).text;
  const present = (value: unknown) => value !== null && value !== undefined;
  switch (filter.op) {
    case 'isNull':
      return (value) => !present(value);
    case 'notNull':
      return present;
    case 'contains':
    case 'startsWith': {
      const needle = filter.value.toLowerCase();
      return filter.op === 'contains'
        ? (value) => present(value) && String(read(value)).toLowerCase().includes(needle)
        : (value) => present(value) && String(read(value)).toLowerCase().startsWith(needle);
    }
    case 'in': {
      const wanted = new Set(filter.values.map((v) => operand(kind, v)));
      return (value) => present(value) && wanted.has(read(value));
    }
    case 'between': {
      const low = operand(kind, filter.low);
      const high = operand(kind, filter.high);
      return (value) => {
        if (!present(value)) return false;
        const v = read(value);
        return v >= low && v <= high;
      };
    }
    default: {
      const target = operand(kind, filter.value);
      const compare: Record<typeof filter.op, (v: number | string | boolean) => boolean> = {
        eq: (v) => v === target,
        ne: (v) => v !== target,
        lt: (v) => v < target,
        le: (v) => v <= target,
        gt: (v) => v > target,
        ge: (v) => v >= target,
      };
      const test = compare[filter.op];
      return (value) => (present(value) ? test(read(value)) : filter.op === 'ne');
    }
  }
}

/** Indexes of the loaded rows that pass every filter, in row order. */
export function filterRows(rows: PreviewRows, filters: readonly ViewFilter[]): Uint32Array {
  const names = new Map(rows.columnNames().map((name) => [name.toLowerCase(), name]));
  const checks = filters.map((filter) => {
    const name = names.get(filter.column.toLowerCase());
    // A column the loaded rows lack reads as null throughout.
    return {
      values: name ? rows.columnValues(name) : null,
      test: testFor(filter, name ? rows.columnType(name) : undefined),
    };
  });
  const kept = new Uint32Array(rows.numRows);
  let count = 0;
  for (let row = 0; row < rows.numRows; row++) {
    if (checks.every((check) => check.test(check.values ? check.values[row] : null))) kept[count++] = row;
  }
  return kept.slice(0, count);
}
