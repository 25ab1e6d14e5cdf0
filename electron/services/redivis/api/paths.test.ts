import { describe, expect, it } from 'vitest';
import { datasetPath, tablePath, tableResourcePath, uploadPath } from './paths';

describe('API paths', () => {
  it('puts a reference in one path segment, `:` and spaces percent-encoded (spec §2.6)', () => {
    expect(tableResourcePath('demo.ghcn:next.daily observations')).toBe(
      '/tables/demo.ghcn%3Anext.daily%20observations',
    );
    expect(datasetPath('demo.iris_species:v1_0')).toBe('/datasets/demo.iris_species%3Av1_0');
  });

  it('reads a query result where a table reference names one', () => {
    expect(tablePath('query:q_1')).toBe('/queries/q_1');
    expect(tablePath('demo.iris_species.iris')).toBe('/tables/demo.iris_species.iris');
  });

  it('spells upload names with `_` for `.`', () => {
    expect(uploadPath('a.b:next.t', 'data.v2.csv')).toBe('/tables/a.b%3Anext.t/uploads/data_v2_csv');
  });
});
