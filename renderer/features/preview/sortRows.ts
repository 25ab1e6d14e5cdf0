import type { SortingState } from '@tanstack/react-table';
import type { PreviewRows } from './previewRows';

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return Number(a) - Number(b);
  }
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The display order of the loaded rows (or of `subset`, sorted in place) under `sorting`
 * (stable; nulls always last), as row indexes. Reads each sorted column once; rows never move.
 */
export function sortPermutation(rows: PreviewRows, sorting: SortingState, subset?: Uint32Array): Uint32Array {
  let order = subset;
  if (!order) {
    order = new Uint32Array(rows.numRows);
    for (let i = 0; i < order.length; i++) order[i] = i;
  }
  const keys = sorting
    .filter((sort) => rows.columnNames().includes(sort.id))
    .map((sort) => sortKey(rows.columnValues(sort.id), sort.desc ? -1 : 1));
  if (keys.length === 0) return order;
  return order.sort((a, b) => {
    for (const key of keys) {
      const result = key(a, b);
      if (result !== 0) return result;
    }
    return a - b;
  });
}

type Comparator = (a: number, b: number) => number;

/**
 * A comparator of row indexes for one column. Numeric columns (numbers, 64-bit integers,
 * booleans) compare through a Float64Array, which is several times faster than comparing
 * mixed JS values (64-bit integers beyond 2^53 then compare approximately); nulls (NaN there)
 * always sort last.
 */
function sortKey(values: unknown[], direction: number): Comparator {
  const numeric = values.every(
    (v) => v === null || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean',
  );
  if (numeric) {
    const keys = Float64Array.from(values, (v) => (v === null ? NaN : Number(v)));
    return (a, b) => {
      const left = keys[a] ?? NaN;
      const right = keys[b] ?? NaN;
      if (Number.isNaN(left) || Number.isNaN(right))
        return Number(Number.isNaN(left)) - Number(Number.isNaN(right));
      return (left - right) * direction;
    };
  }
  return (a, b) => {
    const left = values[a];
    const right = values[b];
    if (left === right) return 0;
    if (left === null || left === undefined) return 1;
    if (right === null || right === undefined) return -1;
    return compareValues(left, right) * direction;
  };
}
