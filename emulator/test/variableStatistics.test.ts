/**
 * Variable statistics computed on demand for every table (uploads included) and query result,
 * checked against values computed from the demo generators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../src/demo/largeTable.js';
import { SMALL_LARGE_ROWS, startHarness, type Harness } from './emulatorHarness.js';
import { measurements } from './measurementRows.js';
import { finish } from './queryClient.js';

interface Stats {
  kind: string;
  status: string;
  count: number;
  numDistinct: number;
  nullCount: number;
  min: unknown;
  max: unknown;
  mean: number | null;
  approxMedian: number | null;
  stdDev: number | null;
  frequencyDistribution: { value: unknown; count: number; label: string | null }[];
}

const all = measurements(SMALL_LARGE_ROWS);
const MEASUREMENTS = '/tables/demo.large_sample.measurements/variables';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

function sampleStdDev(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}

describe('table statistics', () => {
  it('summarize a numeric variable', async () => {
    const stats = await h.json<Stats>(`${MEASUREMENTS}/value/statistics`);
    const values = all.flatMap((m) => (m.value === null ? [] : [m.value]));
    const sorted = [...values].sort((a, b) => a - b);
    expect(stats).toMatchObject({
      kind: 'variableStatistics',
      status: 'completed',
      count: values.length,
      nullCount: SMALL_LARGE_ROWS - values.length,
      numDistinct: new Set(values).size,
      min: sorted[0],
      max: sorted[sorted.length - 1],
      approxMedian: sorted[Math.floor((sorted.length - 1) / 2)],
    });
    expect(stats.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
    expect(stats.stdDev).toBeCloseTo(sampleStdDev(values), 6);
  });

  it('give frequency distributions, dates as text, and value labels', async () => {
    const category = await h.json<Stats>(`${MEASUREMENTS}/category/statistics`);
    expect(category.frequencyDistribution).toEqual(
      [...CATEGORIES]
        .sort()
        .map((value) => ({ value, count: SMALL_LARGE_ROWS / CATEGORIES.length, label: null })),
    );
    expect(category).toMatchObject({ min: 'alpha', max: 'zeta', mean: null, numDistinct: CATEGORIES.length });
    const day = await h.json<Stats>(`${MEASUREMENTS}/day/statistics`);
    expect(day).toMatchObject({ min: '2020-01-01', max: '2023-12-31', numDistinct: 1461 });
    const species = await h.json<Stats>('/tables/demo.iris_species.iris/variables/species/statistics');
    expect(species.frequencyDistribution).toEqual([
      { value: 'setosa', count: 50, label: 'Iris setosa' },
      { value: 'versicolor', count: 50, label: 'Iris versicolor' },
      { value: 'virginica', count: 50, label: 'Iris virginica' },
    ]);
  });

  it('cover uploaded rows of unreleased tables', async () => {
    const id = await h.json<Stats>('/tables/demo.types_showcase:next.all_types/variables/id/statistics');
    expect(id).toMatchObject({
      status: 'completed',
      count: 1000,
      min: 1,
      max: 1000,
      mean: 500.5,
      nullCount: 0,
    });
    const note = await h.json<Stats>(
      '/tables/demo.types_showcase:next.all_types/variables/extra_note/statistics',
    );
    // Only part_2.csv (400 rows) has the column.
    expect(note.count + note.nullCount).toBe(1000);
    expect(note.nullCount).toBeGreaterThanOrEqual(600);
  });

  it('are embedded in the variable resource', async () => {
    const variable = await h.json<{ name: string; statistics: Stats }>(`${MEASUREMENTS}/id`);
    expect(variable.name).toBe('id');
    expect(variable.statistics).toMatchObject({ status: 'completed', count: SMALL_LARGE_ROWS, min: 1 });
  });
});

describe('query result statistics', () => {
  it('are computed for result variables', async () => {
    const q = await finish(h, 'SELECT id FROM `demo.large_sample.measurements` WHERE id <= 10');
    const stats = await h.json<Stats>(`/queries/${q.id}/variables/id/statistics`);
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(stats).toMatchObject({
      status: 'completed',
      count: 10,
      min: 1,
      max: 10,
      mean: 5.5,
      numDistinct: 10,
    });
    expect(stats.stdDev).toBeCloseTo(sampleStdDev(ids), 9);
    expect((await h.api(`/queries/${q.id}/variables/nope/statistics`)).status).toBe(404);
  });
});
