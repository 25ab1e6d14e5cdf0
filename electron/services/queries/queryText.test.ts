import { expect, it } from 'vitest';
import { scanQuery } from './queryText';

it('finds backticked references and bare names after FROM and JOIN, once each, but not WITH names', () => {
  const sql = `WITH big AS (SELECT * FROM \`demo.large_sample.measurements\`)
    SELECT a.species, COUNT(*) FROM \`demo.iris_species:v1_0.iris\` AS a
    JOIN measurements m ON m.id = a.id
    LEFT JOIN \`demo.iris_species.iris\` b USING (id)
    JOIN big USING (id)`;
  expect(scanQuery(sql).tables).toEqual([
    'demo.large_sample.measurements',
    'demo.iris_species:v1_0.iris',
    'measurements',
    'demo.iris_species.iris',
  ]);
});

it('ignores strings, comments and column names in backticks', () => {
  const sql = `SELECT \`my col\`, 'FROM \`fake.table\`' AS s, "x \\" FROM y" -- FROM \`a.b\`
    /* JOIN \`c.d\` */ # FROM e
    FROM \`t\` WHERE s = '''FROM z'''`;
  expect(scanQuery(sql).tables).toEqual(['t']);
});

it('knows SELECT * from SELECT * EXCEPT and from COUNT(*)', () => {
  expect(scanQuery('select * from `a.b.c`').selectsStar).toBe(true);
  expect(scanQuery('SELECT * EXCEPT (x) FROM `a.b.c`').selectsStar).toBe(false);
  expect(scanQuery('SELECT COUNT(*) FROM `a.b.c`').selectsStar).toBe(false);
  expect(scanQuery("SELECT 'select *' FROM t").selectsStar).toBe(false);
  expect(scanQuery('SELECT 1 + 1').tables).toEqual([]);
});
