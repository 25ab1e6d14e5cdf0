import { Bool, DateDay, Float64, Int64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ViewFilter } from '../../../shared/contract/tableViewModel';
import { filterRows } from './localFilter';
import { PreviewRows } from './previewRows';
import { sortPermutation } from './sortRows';

const ROWS = 3000;
const DAY0_MS = Date.UTC(2020, 0, 1);

const CATEGORIES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];

/** Rows shaped like the demo measurements table, as plain values: the expected answers' source. */
const generated = Array.from({ length: ROWS }, (_, index) => {
  const id = index + 1;
  return {
    id,
    value: id % 97 === 0 ? null : ((id * 7919) % 10_007) / 10,
    category: CATEGORIES[id % CATEGORIES.length] ?? '',
    day: new Date(DAY0_MS + (id % 1461) * 86_400_000).toISOString().slice(0, 10),
    isValid: id % 5 !== 0,
  };
});

/** The same rows as the grid holds them: Arrow, with the types Redivis streams. */
function loaded(): PreviewRows {
  const table = new Table({
    id: vectorFromArray(
      generated.map((r) => BigInt(r.id)),
      new Int64(),
    ),
    value: vectorFromArray(
      generated.map((r) => r.value),
      new Float64(),
    ),
    category: vectorFromArray(
      generated.map((r) => r.category),
      new Utf8(),
    ),
    day: vectorFromArray(
      generated.map((r) => new Date(`${r.day}T00:00:00Z`)),
      new DateDay(),
    ),
    is_valid: vectorFromArray(
      generated.map((r) => r.isValid),
      new Bool(),
    ),
  });
  const rows = new PreviewRows();
  rows.append(tableToIPC(table, 'stream'));
  return rows;
}
type Row = (typeof generated)[number];

function ids(rows: PreviewRows, order: Uint32Array): number[] {
  return Array.from(order, (row) => Number(rows.value(row, 'id')));
}

describe('filters over loaded rows mean what the SQL compiler writes', () => {
  const rows = loaded();
  const cases: [ViewFilter[], (row: Row) => boolean][] = [
    [[{ column: 'category', op: 'eq', value: 'beta' }], (r) => r.category === 'beta'],
    [[{ column: 'category', op: 'ne', value: 'beta' }], (r) => r.category !== 'beta'],
    [[{ column: 'value', op: 'isNull' }], (r) => r.value === null],
    [[{ column: 'value', op: 'ne', value: 5 }], (r) => r.value === null || r.value !== 5],
    [[{ column: 'value', op: 'eq', value: 791.9 }], (r) => r.value === 791.9],
    [[{ column: 'value', op: 'lt', value: 1000 }], (r) => r.value !== null && r.value < 1000],
    [[{ column: 'id', op: 'ge', value: '2990' }], (r) => r.id >= 2990],
    [
      [{ column: 'day', op: 'between', low: '2021-02-01', high: '2021-03-15' }],
      (r) => r.day >= '2021-02-01' && r.day <= '2021-03-15',
    ],
    [[{ column: 'category', op: 'contains', value: 'ET' }], (r) => r.category.includes('et')],
    [[{ column: 'category', op: 'startsWith', value: 'E' }], (r) => r.category.startsWith('e')],
    [
      [{ column: 'category', op: 'in', values: ['alpha', 'zeta'] }],
      (r) => ['alpha', 'zeta'].includes(r.category),
    ],
    [[{ column: 'is_valid', op: 'eq', value: 'false' }], (r) => !r.isValid],
    [
      [
        { column: 'category', op: 'eq', value: 'gamma' },
        { column: 'value', op: 'notNull' },
      ],
      (r) => r.category === 'gamma' && r.value !== null,
    ],
  ];
  it.each(cases)('%j', (filters, expected) => {
    expect(ids(rows, filterRows(rows, filters))).toEqual(generated.filter(expected).map((r) => r.id));
  });

  it('sorts the filtered rows with nulls last', () => {
    const kept = filterRows(rows, [{ column: 'category', op: 'eq', value: 'beta' }]);
    const order = sortPermutation(rows, [{ id: 'value', desc: true }], kept);
    const expected = generated
      .filter((r) => r.category === 'beta')
      .sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : b.value - a.value || a.id - b.id));
    expect(ids(rows, order)).toEqual(expected.map((r) => r.id));
  });
});
