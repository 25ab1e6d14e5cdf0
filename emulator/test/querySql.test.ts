/**
 * BigQuery SQL through the Queries API, checked against answers computed without the engine:
 * the measurements generator's formulas, hand-computed values and BigQuery's documented examples.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../src/demo/largeTable.js';
import { post, SMALL_LARGE_ROWS, startHarness, type Harness } from './emulatorHarness.js';
import { isoDate, measurement, measurements, type Measurement } from './measurementRows.js';
import { failure, finish, rows, submit } from './queryClient.js';

const M = '`demo.large_sample.measurements`';
const N = SMALL_LARGE_ROWS;
const all = measurements(N);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

function byValueDesc(a: Measurement, b: Measurement): number {
  return (b.value ?? 0) - (a.value ?? 0) || a.id - b.id;
}

describe('SELECT clauses', () => {
  it('filters, sorts and pages with WHERE, ORDER BY, LIMIT and OFFSET', async () => {
    const got = await rows(
      h,
      `SELECT id, value FROM ${M} WHERE category = 'beta' AND value > 500 ORDER BY value DESC, id LIMIT 5 OFFSET 2`,
    );
    const expected = all
      .filter((m) => m.category === 'beta' && m.value !== null && m.value > 500)
      .sort(byValueDesc)
      .slice(2, 7)
      .map((m) => ({ id: m.id, value: m.value }));
    expect(got).toEqual(expected);
  });

  it('orders NULLs first ascending and last descending, as BigQuery does', async () => {
    const ascending = await rows(h, `SELECT id FROM ${M} WHERE id <= 300 ORDER BY value, id LIMIT 3`);
    expect(ascending.map((r) => r.id)).toEqual([97, 194, 291]);
    const descending = await rows(h, `SELECT id FROM ${M} WHERE id <= 300 ORDER BY value DESC, id`);
    expect(descending.slice(-3).map((r) => r.id)).toEqual([97, 194, 291]);
  });

  it('groups with aggregates and HAVING', async () => {
    const sums = new Map<string, number>();
    for (const m of all) sums.set(m.category, (sums.get(m.category) ?? 0) + m.id);
    const threshold = [...sums.values()].sort((a, b) => a - b)[3] ?? 0;
    const got = await rows(
      h,
      `SELECT category, COUNT(*) AS n, COUNT(value) AS nv, SUM(id) AS s, ROUND(AVG(value), 2) AS a,
              MIN(value) AS lo, MAX(value) AS hi, COUNTIF(is_valid) AS ok
         FROM ${M} GROUP BY category HAVING SUM(id) > ${threshold} ORDER BY category`,
    );
    const expected = [...CATEGORIES]
      .sort()
      .filter((c) => (sums.get(c) ?? 0) > threshold)
      .map((category) => {
        const group = all.filter((m) => m.category === category);
        const values = group.flatMap((m) => (m.value === null ? [] : [m.value]));
        return {
          category,
          n: group.length,
          nv: values.length,
          s: group.reduce((sum, m) => sum + m.id, 0),
          a: Math.round((values.reduce((x, y) => x + y, 0) / values.length) * 100) / 100,
          lo: Math.min(...values),
          hi: Math.max(...values),
          ok: group.filter((m) => m.isValid).length,
        };
      });
    expect(got).toHaveLength(4);
    expect(got).toEqual(expected);
  });

  it('answers DISTINCT', async () => {
    const got = await rows(h, `SELECT DISTINCT category FROM ${M} ORDER BY category`);
    expect(got.map((r) => r.category)).toEqual([...CATEGORIES].sort());
  });

  it('joins tables of different datasets', async () => {
    const [inner] = await rows(
      h,
      `SELECT COUNT(*) AS n, SUM(m.id) AS s FROM ${M} AS m JOIN \`demo.types_showcase.all_types\` t ON m.id = t.id`,
    );
    expect(inner).toEqual({ n: 1000, s: 500_500 });
    const [left] = await rows(
      h,
      `SELECT COUNTIF(t.id IS NULL) AS missing FROM ${M} m LEFT JOIN \`demo.types_showcase.all_types\` t ON m.id = t.id`,
    );
    expect(left).toEqual({ missing: N - 1000 });
  });

  it('runs WITH and window functions', async () => {
    const got = await rows(
      h,
      `WITH v AS (SELECT id, category, value FROM ${M} WHERE value IS NOT NULL)
       SELECT category, id, r FROM (
         SELECT category, id, RANK() OVER (PARTITION BY category ORDER BY value DESC, id) AS r FROM v
       ) WHERE r <= 2 ORDER BY category, r`,
    );
    const expected = [...CATEGORIES].sort().flatMap((category) =>
      all
        .filter((m) => m.category === category && m.value !== null)
        .sort(byValueDesc)
        .slice(0, 2)
        .map((m, k) => ({ category, id: m.id, r: k + 1 })),
    );
    expect(got).toEqual(expected);
    const running = await rows(
      h,
      `SELECT id, SUM(id) OVER (ORDER BY id) AS total, LAG(id) OVER (ORDER BY id) AS prev FROM ${M} WHERE id <= 4 ORDER BY id`,
    );
    expect(running).toEqual([
      { id: 1, total: 1, prev: null },
      { id: 2, total: 3, prev: 1 },
      { id: 3, total: 6, prev: 2 },
      { id: 4, total: 10, prev: 3 },
    ]);
  });

  it('supports SELECT * EXCEPT, aliases and expressions without a table', async () => {
    const [row] = await rows(h, `SELECT * EXCEPT (value, day) FROM ${M} AS m WHERE m.id = 3`);
    expect(Object.keys(row ?? {})).toEqual(['id', 'category', 'recorded_at', 'is_valid']);
    expect(await rows(h, 'SELECT 1 + 1')).toEqual([{ f0_: 2 }]);
    const q = await finish(h, 'SELECT 1 + 1, 2 AS two, 3 * 3');
    expect(q.outputSchema).toEqual([
      { name: 'f0_', type: 'integer' },
      { name: 'two', type: 'integer' },
      { name: 'f1_', type: 'integer' },
    ]);
  });

  it('answers arithmetic as BigQuery does', async () => {
    expect(
      await rows(
        h,
        'SELECT 7 / 2 AS half, DIV(7, 2) AS d, MOD(-7, 2) AS m, ROUND(2.5) AS up, ROUND(-2.5) AS down',
      ),
    ).toEqual([{ half: 3.5, d: 3, m: -1, up: 3, down: -3 }]);
    const q = await finish(h, 'SELECT ROUND(2) AS r, 7 / 7 AS q');
    expect(q.outputSchema?.map((c) => c.type)).toEqual(['float', 'float']);
  });
});

describe('functions', () => {
  it('casts, with SAFE_CAST giving NULL', async () => {
    const [row] = await rows(
      h,
      `SELECT CAST('12' AS INT64) AS i, SAFE_CAST('x' AS INT64) AS bad, CAST(3 AS FLOAT64) AS f,
              CAST(12 AS STRING) AS s, CAST('true' AS BOOL) AS b, CAST('2024-02-29' AS DATE) AS d,
              CAST('1.25' AS NUMERIC) AS n`,
    );
    expect(row).toEqual({ i: 12, bad: null, f: 3, s: '12', b: true, d: '2024-02-29', n: 1.25 });
  });

  it('computes date parts and date arithmetic', async () => {
    for (const id of [40, 1000, 3333]) {
      const m = measurement(id);
      const [row] = await rows(
        h,
        `SELECT EXTRACT(YEAR FROM day) AS y, EXTRACT(MONTH FROM day) AS mo, EXTRACT(DAY FROM day) AS d,
                EXTRACT(DAYOFWEEK FROM day) AS dow, EXTRACT(QUARTER FROM day) AS q,
                DATE_TRUNC(day, MONTH) AS month_start, DATE_TRUNC(day, WEEK) AS week_start,
                DATE_ADD(day, INTERVAL 10 DAY) AS plus10, DATE_SUB(day, INTERVAL 2 WEEK) AS minus2w,
                DATE_DIFF(day, DATE '2020-01-01', DAY) AS since, FORMAT_DATE('%Y/%m/%d', day) AS f,
                EXTRACT(HOUR FROM recorded_at) AS hour
           FROM ${M} WHERE id = ${id}`,
      );
      const date = new Date(m.dayNumber * 86_400_000);
      expect(row).toEqual({
        y: date.getUTCFullYear(),
        mo: date.getUTCMonth() + 1,
        d: date.getUTCDate(),
        dow: date.getUTCDay() + 1,
        q: Math.floor(date.getUTCMonth() / 3) + 1,
        month_start: m.day.slice(0, 8) + '01',
        week_start: isoDate(m.dayNumber - date.getUTCDay()),
        plus10: isoDate(m.dayNumber + 10),
        minus2w: isoDate(m.dayNumber - 14),
        since: m.dayNumber - 18_262,
        f: m.day.replace(/-/g, '/'),
        hour: new Date(m.recordedAtMs).getUTCHours(),
      });
    }
  });

  it("matches BigQuery's documented date and time examples", async () => {
    const [row] = await rows(
      h,
      `SELECT DATE_ADD(DATE '2020-01-31', INTERVAL 1 MONTH) AS clamp,
              TIMESTAMP_DIFF(TIMESTAMP '2010-07-07 10:20:00+00', TIMESTAMP '2008-12-25 15:30:00+00', HOUR) AS hours,
              DATETIME_DIFF(DATETIME '2010-07-07 10:20:00', DATETIME '2008-12-25 15:30:00', DAY) AS days,
              DATE_DIFF(DATE '2017-10-15', DATE '2017-10-14', WEEK) AS weeks,
              DATE_DIFF(DATE '2017-12-30', DATE '2014-12-30', YEAR) AS years,
              PARSE_DATE('%Y%m%d', '20240229') AS parsed,
              EXTRACT(WEEK FROM DATE '2017-01-08') AS week,
              FORMAT_DATE('%F', DATE '2008-12-25') AS iso,
              DATETIME_TRUNC(DATETIME '2008-12-25 15:30:00', HOUR) AS hour_start,
              CURRENT_DATE() AS today`,
    );
    expect(row).toEqual({
      clamp: '2020-02-29',
      hours: 13410,
      days: 559,
      weeks: 1,
      years: 3,
      parsed: '2024-02-29',
      week: 2,
      iso: '2008-12-25',
      hour_start: '2008-12-25 15:00:00',
      today: new Date().toISOString().slice(0, 10),
    });
  });

  it('counts distinct values exactly where BigQuery approximates', async () => {
    expect(
      await rows(h, `SELECT APPROX_COUNT_DISTINCT(category) AS c, APPROX_COUNT_DISTINCT(id) AS i FROM ${M}`),
    ).toEqual([{ c: CATEGORIES.length, i: N }]);
  });

  it('answers string functions as BigQuery does', async () => {
    const [row] = await rows(
      h,
      `SELECT CONCAT(category, '-', CAST(id AS STRING)) AS joined, CONCAT('a', NULL) AS with_null,
              UPPER(category) AS up, LOWER('MiXed') AS low, LENGTH(category) AS len,
              SUBSTR(category, 2, 3) AS mid, SUBSTR(category, -3) AS tail, SUBSTR(category, 0, 2) AS head,
              STRPOS(category, 'l') AS pos, REGEXP_CONTAINS(category, r'^d') AS starts_d,
              STARTS_WITH(category, 'de') AS sw, ENDS_WITH(category, 'ta') AS ew, TRIM('  x  ') AS trimmed,
              SPLIT('a,b,c')[OFFSET(1)] AS second, SPLIT('a;b', ';')[ORDINAL(1)] AS first,
              REGEXP_REPLACE('aaa', 'a', 'b') AS replaced, REGEXP_EXTRACT('x=12;y=3', r'y=(\\d+)') AS extracted,
              REGEXP_EXTRACT('abc', 'z') AS no_match, "double quoted" AS dq, IFNULL(NULL, 3) AS fallback,
              IF(id > 2, 'big', 'small') AS size, GREATEST(1, NULL) AS g_null, GREATEST(1, 5) AS g
         FROM ${M} WHERE id = 3`,
    );
    expect(row).toEqual({
      joined: 'delta-3',
      with_null: null,
      up: 'DELTA',
      low: 'mixed',
      len: 5,
      mid: 'elt',
      tail: 'lta',
      head: 'de',
      pos: 3,
      starts_d: true,
      sw: true,
      ew: true,
      trimmed: 'x',
      second: 'b',
      first: 'a',
      replaced: 'bbb',
      extracted: '3',
      no_match: null,
      dq: 'double quoted',
      fallback: 3,
      size: 'big',
      g_null: null,
      g: 5,
    });
  });

  it('refuses what it cannot translate, naming the construct', async () => {
    expect(await failure(h, 'SELECT INITCAP("a b")')).toMatch(/INITCAP is not supported/);
    expect(await failure(h, 'SELECT list_value(1)')).toMatch(/LIST_VALUE is not supported/);
    expect(await failure(h, 'SELECT * FROM range(3)')).toMatch(/RANGE is not supported/);
    expect(await failure(h, 'SELECT STRUCT(1 AS a)')).toMatch(/STRUCT is not supported/);
    expect(await failure(h, "SELECT * FROM 'segments/x.parquet'")).toMatch(/string in FROM/);
    expect(await failure(h, `SELECT FORMAT_DATE('%e', day) FROM ${M}`)).toMatch(/%e is not supported/);
    expect(await failure(h, 'SELECT [1, 2] AS a')).toMatch(/result column a has type INTEGER\[\]/);
    expect(await failure(h, 'SELECT 1 AS a, 2 AS a')).toMatch(/Duplicate column names.*a/);
    expect(await failure(h, 'DELETE FROM x WHERE true')).toMatch(/Only SELECT queries/);
  });
});

describe('result columns', () => {
  it('map to Redivis variable types', async () => {
    const q = await finish(
      h,
      `SELECT 1 AS i, 1.5 AS f, 'a' AS s, TRUE AS b, DATE '2020-01-02' AS d,
              DATETIME '2020-01-02 03:04:05.25' AS dt, TIME '01:02:03' AS t, NULL AS n`,
    );
    expect(q.outputSchema).toEqual([
      { name: 'i', type: 'integer' },
      { name: 'f', type: 'float' },
      { name: 's', type: 'string' },
      { name: 'b', type: 'boolean' },
      { name: 'd', type: 'date' },
      { name: 'dt', type: 'dateTime' },
      { name: 't', type: 'time' },
      { name: 'n', type: 'integer' },
    ]);
    const [row] = await rows(h, "SELECT DATETIME '2020-01-02 03:04:05.25' AS dt, TIME '01:02:03' AS t");
    expect(row?.dt).toMatch(/^2020-01-02 03:04:05\.25/);
    expect(row?.t).toBe('01:02:03');
  });
});

describe('table references', () => {
  it('resolves versions, reference ids, samples and default containers', async () => {
    const count = async (query: string, extra: object = {}): Promise<unknown> =>
      (await rows(h, query, extra))[0]?.n;
    expect(await count('SELECT COUNT(*) AS n FROM `demo.iris_species.iris`')).toBe(150);
    expect(await count('SELECT COUNT(*) AS n FROM `demo.iris_species:v1_0.iris`')).toBe(150);
    const table = await h.json<{ qualifiedReference: string }>('/tables/demo.iris_species.iris');
    expect(table.qualifiedReference).toMatch(/:[a-z0-9]{4}:v2_0\.iris:[a-z0-9]{4}$/);
    expect(await count(`SELECT COUNT(*) AS n FROM \`${table.qualifiedReference}\``)).toBe(150);
    expect(await count('SELECT COUNT(*) AS n FROM `demo.large_sample:sample.measurements`')).toBe(
      Math.ceil(N * 0.01),
    );
    expect(
      await count('SELECT COUNT(*) AS n FROM measurements', { defaultDataset: 'demo.large_sample' }),
    ).toBe(N);
    expect(
      await count('SELECT COUNT(*) AS n FROM `summary`', { defaultWorkflow: 'demo_user.example_workflow' }),
    ).toBe(3);
    const [self] = await rows(h, `SELECT COUNT(*) AS n FROM ${M} a JOIN ${M} b ON a.id + 1 = b.id`);
    expect(self?.n).toBe(N - 1);
  });

  it('includes the uploads of unreleased tables, with _upload_name', async () => {
    const [row] = await rows(
      h,
      `SELECT COUNT(*) AS n, COUNT(DISTINCT _upload_name) AS uploads, MIN(id) AS lo, MAX(id) AS hi,
              COUNTIF(_upload_name = 'part_2.csv') AS second
         FROM \`demo.types_showcase:next.all_types\``,
    );
    expect(row).toEqual({ n: 1000, uploads: 2, lo: 1, hi: 1000, second: 400 });
    const q = await finish(
      h,
      'SELECT * EXCEPT (_upload_name) FROM `demo.types_showcase:next.all_types` LIMIT 1',
    );
    expect(q.outputSchema?.map((c) => c.name)).not.toContain('_upload_name');
    expect(q.outputSchema?.map((c) => c.name)).toContain('extra_note');
  });

  it('checks access per table with the same errors as the rest of the API', async () => {
    const cases = [
      'demo.restricted_metadata.records',
      'demo.restricted_overview.records',
      'demo.private_hidden.records',
      'demo.iris_species.no_such_table',
    ];
    for (const ref of cases) {
      const viaQuery = await submit(h, `SELECT * FROM \`demo.iris_species.iris\` JOIN \`${ref}\` ON true`);
      const viaSession = await h.api(`/tables/${ref}/readSessions`, post({}));
      expect(viaQuery.status, ref).toBe(viaSession.status);
      expect(viaQuery.status, ref).toBeGreaterThanOrEqual(403);
      const [queryError, sessionError] = [
        (await viaQuery.json()) as { error: string },
        (await viaSession.json()) as { error: string },
      ];
      expect(queryError.error).toBe(sessionError.error);
    }
    const bob = await h.emu.createApiToken('bob', ['public', 'data.data']);
    const bobQuery = await submit(h, `SELECT COUNT(*) FROM ${M}`, {}, bob);
    const bobSession = await h.api('/tables/demo.large_sample.measurements/readSessions', {
      ...post({}),
      token: bob,
    });
    expect(bobQuery.status).toBe(bobSession.status);
    const malformed = await submit(h, 'SELECT * FROM `demo.`');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid_reference' });
  });
});

describe('errors', () => {
  it('reports syntax errors with line and column', async () => {
    const message = await failure(h, `SELECT id\nFROM ${M}\nWHERE id = = 3`);
    expect(message).toMatch(/^Syntax error: .* at \[3:12\]$/);
    const second = await failure(h, 'SELECT id FROM `demo.iris_species.iris` WHERE (');
    expect(second).toMatch(/^Syntax error: .* at \[1:\d+\]$/);
  });

  it("fails with the engine's message for unknown columns", async () => {
    expect(await failure(h, `SELECT nope FROM ${M}`)).toMatch(/nope/);
  });
});
