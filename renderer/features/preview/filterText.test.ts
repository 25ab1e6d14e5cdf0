import { describe, expect, it } from 'vitest';
import { filterText, parseFilterText } from './filterText';

describe('filter row text', () => {
  it('reads comparisons, ranges, nulls and text searches', () => {
    expect(parseFilterText('c', 'text', ' beta ')).toEqual({ column: 'c', op: 'contains', value: 'beta' });
    expect(parseFilterText('c', 'text', '^be')).toEqual({ column: 'c', op: 'startsWith', value: 'be' });
    expect(parseFilterText('c', 'text', '=beta')).toEqual({ column: 'c', op: 'eq', value: 'beta' });
    expect(parseFilterText('n', 'number', '>= 10')).toEqual({ column: 'n', op: 'ge', value: 10 });
    expect(parseFilterText('n', 'number', '≠3')).toEqual({ column: 'n', op: 'ne', value: 3 });
    expect(parseFilterText('n', 'number', '42')).toEqual({ column: 'n', op: 'eq', value: 42 });
    expect(parseFilterText('d', 'date', '2020-01-01..2020-06-30')).toEqual({
      column: 'd',
      op: 'between',
      low: '2020-01-01',
      high: '2020-06-30',
    });
    expect(parseFilterText('d', 'date', 'NULL')).toEqual({ column: 'd', op: 'isNull' });
    expect(parseFilterText('d', 'date', '!null')).toEqual({ column: 'd', op: 'notNull' });
    expect(parseFilterText('d', 'date', '   ')).toBeNull();
    expect(parseFilterText('d', 'date', '>=')).toBeUndefined();
  });

  it('writes back what it reads', () => {
    for (const [kind, text] of [
      ['text', 'beta'],
      ['text', '^be'],
      ['number', '>=10'],
      ['number', '!=3'],
      ['date', '2020-01-01..2020-06-30'],
      ['date', 'null'],
      ['date', '!null'],
    ] as const) {
      const filter = parseFilterText('c', kind, text);
      expect(filter && filterText(filter)).toBe(text);
    }
  });
});
