import { describe, expect, it } from 'vitest';
// The demo server's BigQuery lexer is an independent reader of the SQL written here: it decodes
// literals and names by BigQuery's escape rules, so a value that broke out would show up as
// extra tokens or a different decoded value.
import { tokenize, type Token } from '../../../emulator/src/sql/tokenizer';
import { AppFailure } from '../../../shared/contract/errors';
import type { TableView, ViewFilter } from '../../../shared/contract/tableViewModel';
import { literalFor, quoteName, quoteString } from './sqlLiterals';
import { compileViewSql, type ViewVariable } from './viewSql';

const VARIABLES: ViewVariable[] = [
  { name: 'id', type: 'integer' },
  { name: 'value', type: 'float' },
  { name: 'category', type: 'string' },
  { name: 'day', type: 'date' },
  { name: 'recorded_at', type: 'dateTime' },
  { name: 'is_valid', type: 'boolean' },
  { name: 'shape', type: 'geography' },
];
const TABLE = { kind: 'table', reference: 'demo.large_sample.measurements' } as const;

function significant(sql: string): Token[] {
  return tokenize(sql).filter((t) => t.kind !== 'space' && t.kind !== 'comment');
}

function view(filters: ViewFilter[], sorting: TableView['sorting'] = []): TableView {
  return { sorting, filters };
}

const HOSTILE = [
  "beta' OR '1'='1",
  "x\\' OR 1=1 --",
  'back`tick` , `demo.secret.table`',
  'back\\slash\\',
  'new\nline -- comment\r\n\ttab',
  "'; DROP TABLE x; --",
  'emoji 🧪 and \u0000 nul \u001b esc \u007f del',
  '\\x27 \\u0027 literal escapes',
  '\'\'\'triple\'\'\' """double"""',
];

describe('quoting', () => {
  it.each(HOSTILE)('keeps a hostile string value one literal with the same text: %j', (value) => {
    const tokens = significant(quoteString(value));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.kind).toBe('string');
    expect(tokens[0]?.value).toBe(value);
  });

  it.each(HOSTILE)('keeps a hostile name one quoted name with no raw line breaks: %j', (name) => {
    const quoted = quoteName(name);
    expect(quoted).not.toMatch(/[\n\r]/);
    // Inside the backticks every backtick is escaped, so the name ends only at the last one.
    const inner = quoted.slice(1, -1);
    expect(inner.replace(/\\\\/g, '').replace(/\\`/g, '')).not.toContain('`');
  });

  it('refuses values that do not fit the column type instead of sending them as text', () => {
    const refused = (type: string, value: string | number | boolean) => {
      try {
        literalFor(type, value, 'c');
        return undefined;
      } catch (error) {
        return error instanceof AppFailure ? error.appError.code : 'other';
      }
    };
    expect(refused('integer', '1 OR 1=1')).toBe('bad_input');
    expect(refused('integer', 1.5)).toBe('bad_input');
    expect(refused('float', 'NaN')).toBe('bad_input');
    expect(refused('float', Infinity)).toBe('bad_input');
    expect(refused('date', "2020-01-01' OR '1'='1")).toBe('bad_input');
    expect(refused('dateTime', '2020-01-01 00:00:00; DROP')).toBe('bad_input');
    expect(refused('boolean', 'yes')).toBe('bad_input');
    expect(refused('geography', 'POINT(1 2)')).toBe('bad_input');
    expect(literalFor('integer', ' 42 ', 'c')).toBe('42');
    expect(literalFor('float', -2.5, 'c')).toBe('(-2.5)');
    expect(literalFor('date', '2021-03-04', 'c')).toBe("DATE '2021-03-04'");
    expect(literalFor('dateTime', '2021-03-04T05:06:07', 'c')).toBe("DATETIME '2021-03-04 05:06:07'");
    expect(literalFor('dateTime', '2021-03-04', 'c')).toBe("DATETIME '2021-03-04 00:00:00'");
    expect(literalFor('boolean', 'True', 'c')).toBe('TRUE');
  });
});

describe('compileViewSql', () => {
  it('writes sort keys with nulls last, then tie-breakers, and a page window', () => {
    const sql = compileViewSql({
      source: TABLE,
      variables: VARIABLES,
      view: { sorting: [{ id: 'ID', desc: true }], filters: [], columns: ['id', 'category'] },
      window: { offset: 999_960, limit: 40 },
    });
    expect(sql).toBe(
      [
        'SELECT `id`, `category`',
        'FROM `demo.large_sample.measurements`',
        'ORDER BY `id` DESC NULLS LAST, `category` ASC NULLS LAST',
        'LIMIT 40 OFFSET 999960',
      ].join('\n'),
    );
  });

  it('writes every filter operator', () => {
    const sql = compileViewSql({
      source: TABLE,
      variables: VARIABLES,
      view: view([
        { column: 'category', op: 'eq', value: 'beta' },
        { column: 'category', op: 'ne', value: 'gamma' },
        { column: 'id', op: 'lt', value: 10 },
        { column: 'id', op: 'le', value: '11' },
        { column: 'value', op: 'gt', value: 0.5 },
        { column: 'value', op: 'ge', value: -1 },
        { column: 'day', op: 'between', low: '2020-01-01', high: '2020-12-31' },
        { column: 'value', op: 'isNull' },
        { column: 'value', op: 'notNull' },
        { column: 'category', op: 'contains', value: 'ET' },
        { column: 'category', op: 'startsWith', value: 'b' },
        { column: 'category', op: 'in', values: ['alpha', 'beta'] },
        { column: 'is_valid', op: 'eq', value: true },
      ]),
    });
    expect(sql.split('\n').filter((line) => /^(WHERE| {2}AND)/.test(line))).toEqual([
      "WHERE `category` = 'beta'",
      "  AND (`category` IS NULL OR `category` != 'gamma')",
      '  AND `id` < 10',
      '  AND `id` <= 11',
      '  AND `value` > 0.5',
      '  AND `value` >= (-1)',
      "  AND `day` BETWEEN DATE '2020-01-01' AND DATE '2020-12-31'",
      '  AND `value` IS NULL',
      '  AND `value` IS NOT NULL',
      "  AND STRPOS(LOWER(`category`), LOWER('ET')) > 0",
      "  AND STARTS_WITH(LOWER(`category`), LOWER('b'))",
      "  AND `category` IN ('alpha', 'beta')",
      '  AND `is_valid` = TRUE',
    ]);
  });

  it.each(HOSTILE)('a hostile filter value stays one string literal: %j', (value) => {
    const sql = compileViewSql({
      source: TABLE,
      variables: VARIABLES,
      view: view([{ column: 'category', op: 'eq', value }], [{ id: 'id', desc: false }]),
    });
    const tokens = significant(sql);
    const strings = tokens.filter((t) => t.kind === 'string');
    expect(strings.map((t) => t.value)).toEqual([value]);
    // Everything else is exactly what a harmless value produces.
    const shape = (ts: Token[]) => ts.map((t) => (t.kind === 'string' ? "'…'" : t.text));
    const harmless = significant(
      compileViewSql({
        source: TABLE,
        variables: VARIABLES,
        view: view([{ column: 'category', op: 'eq', value: 'beta' }], [{ id: 'id', desc: false }]),
      }),
    );
    expect(shape(tokens)).toEqual(shape(harmless));
  });

  it('refuses columns the table does not have, whatever they contain', () => {
    for (const column of ['nope', 'id` OR 1=1 --', 'category`, `secret']) {
      expect(() =>
        compileViewSql({ source: TABLE, variables: VARIABLES, view: view([{ column, op: 'isNull' }]) }),
      ).toThrow(AppFailure);
      expect(() =>
        compileViewSql({
          source: TABLE,
          variables: VARIABLES,
          view: view([], [{ id: column, desc: false }]),
        }),
      ).toThrow(AppFailure);
    }
  });

  it('quotes a hostile table reference as one name', () => {
    const reference = 'owner.data`set\\x.t\nable';
    const sql = compileViewSql({
      source: { kind: 'table', reference },
      variables: VARIABLES,
      view: view([]),
    });
    expect(sql.split('\n')[1]).toBe('FROM `owner.data\\`set\\\\x.t\\nable`');
  });

  it('wraps a query result in its own query, ending comments and semicolons safely', () => {
    const sql = compileViewSql({
      source: { kind: 'query', sql: 'SELECT 1 AS id -- trailing comment;\n;  \n' },
      variables: [{ name: 'id', type: 'integer' }],
      view: view([{ column: 'id', op: 'eq', value: 1 }]),
    });
    expect(sql).toBe(
      [
        'SELECT *',
        'FROM (',
        'SELECT 1 AS id -- trailing comment',
        ') AS result',
        'WHERE `id` = 1',
        'ORDER BY `id` ASC NULLS LAST',
      ].join('\n'),
    );
  });

  it('refuses sorting what BigQuery cannot order and text filters on numbers', () => {
    expect(() =>
      compileViewSql({ source: TABLE, variables: VARIABLES, view: view([], [{ id: 'shape', desc: false }]) }),
    ).toThrow(/cannot be sorted/);
    expect(() =>
      compileViewSql({
        source: TABLE,
        variables: VARIABLES,
        view: view([{ column: 'id', op: 'contains', value: '1' }]),
      }),
    ).toThrow(/not text/);
  });
});
