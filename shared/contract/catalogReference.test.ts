import { describe, expect, it } from 'vitest';
import { AppFailure } from './errors';
import {
  containerOfTableRef,
  datasetRefParts,
  nextTableRef,
  normalizeVersion,
  parseReference,
  tableRefParts,
  versionOfRef,
  withVersion,
  type ParsedReference,
} from './catalogReference';

function parsed(input: string): ParsedReference {
  const result = parseReference(input);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.reference;
}

function message(input: string): string {
  const result = parseReference(input);
  if (result.ok) throw new Error(`expected "${input}" to be refused`);
  return result.message;
}

describe('parseReference: Redivis references', () => {
  it.each([
    ['demo', { kind: 'owner', owner: 'demo' }],
    ['demo.iris_species', { kind: 'container', ref: 'demo.iris_species' }],
    ['demo.iris_species:v1_0', { kind: 'container', ref: 'demo.iris_species:v1_0' }],
    ['demo.iris_species:v1.0', { kind: 'container', ref: 'demo.iris_species:v1_0' }],
    ['demo.iris_species:1.0', { kind: 'container', ref: 'demo.iris_species:v1_0' }],
    ['demo.iris_species:NEXT', { kind: 'container', ref: 'demo.iris_species:next' }],
    ['demo.iris_species:current', { kind: 'container', ref: 'demo.iris_species:current' }],
    ['demo.iris_species:v1_0.iris', { kind: 'table', ref: 'demo.iris_species:v1_0.iris' }],
    ['demo.iris_species:v1.0.iris', { kind: 'table', ref: 'demo.iris_species:v1_0.iris' }],
    [
      'demo.iris_species:k9bp:v2_0.iris:kvd3',
      { kind: 'table', ref: 'demo.iris_species:k9bp:v2_0.iris:kvd3' },
    ],
    // Version before the id, as some users write it: normalized to id first.
    ['demo.iris_species:v2_0:K9BP.iris', { kind: 'table', ref: 'demo.iris_species:k9bp:v2_0.iris' }],
    ['demo.iris_species:sample.iris', { kind: 'table', ref: 'demo.iris_species:sample.iris' }],
    ['demo.iris_species.iris:sample', { kind: 'table', ref: 'demo.iris_species.iris:sample' }],
    ['demo.large_sample:next.measurements', { kind: 'table', ref: 'demo.large_sample:next.measurements' }],
    [
      'imathews.A test dataset:next.A test table',
      { kind: 'table', ref: 'imathews.A test dataset:next.A test table' },
    ],
    ['demo.ds.table.with.dots', { kind: 'table', ref: 'demo.ds.table.with.dots' }],
    ['  `demo.iris_species`  ', { kind: 'container', ref: 'demo.iris_species' }],
  ])('%s', (input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it.each([
    ['', /Type a reference/],
    ['.iris_species', /needs an owner/],
    ['de-mo.iris', /not a valid owner/],
    ['demo.', /name is missing/],
    ['demo.iris_species.', /table name is missing/],
    ['demo.iris_species:v1_0:v2_0', /two versions/],
    ['demo.iris_species:', /empty ":"/],
    ['demo.iris_species:v1-0', /not a version/],
    ['demo.iris_species.iris:v1_0', /Versions go on the dataset/],
    ['demo.iris_species.iris:x-y', /not a reference id/],
    ['demo:v1_0', /needs a dataset/],
    ['demo . iris', /no spaces around its dots/],
  ])('refuses %j with a clear message', (input, pattern) => {
    expect(message(input)).toMatch(pattern);
  });
});

describe('parseReference: redivis.com links', () => {
  it.each([
    [
      'https://redivis.com/datasets/bdxt-4fqe5tyf4',
      { kind: 'datasetId', datasetId: 'bdxt-4fqe5tyf4', version: undefined },
    ],
    [
      'https://redivis.com/datasets/bdxt-4fqe5tyf4?v=5.0',
      { kind: 'datasetId', datasetId: 'bdxt-4fqe5tyf4', version: 'v5_0' },
    ],
    [
      'https://redivis.com/datasets/bdxt-4fqe5tyf4/tables/qahg-fryygshmr?v=next',
      { kind: 'datasetId', datasetId: 'bdxt-4fqe5tyf4', version: 'next', tableId: 'qahg-fryygshmr' },
    ],
    ['https://redivis.com/demo/datasets/iris_species', { kind: 'dataset', ref: 'demo.iris_species' }],
    [
      'https://www.redivis.com/demo/datasets/iris_species?v=1.0',
      { kind: 'dataset', ref: 'demo.iris_species:v1_0' },
    ],
    ['redivis.com/demo/datasets/iris_species?v=1_0', { kind: 'dataset', ref: 'demo.iris_species:v1_0' }],
    ['https://redivis.com/demo/datasets/Iris%20species', { kind: 'dataset', ref: 'demo.Iris species' }],
    [
      'https://redivis.com/demo/datasets/iris_species/tables/iris?v=2.0',
      { kind: 'table', ref: 'demo.iris_species:v2_0.iris' },
    ],
    [
      'https://redivis.com/demo_user/workflows/example_workflow',
      { kind: 'workflow', ref: 'demo_user.example_workflow' },
    ],
    ['https://redivis.com/workflows/cg27-61bluc7x2', { kind: 'workflowId', workflowId: 'cg27-61bluc7x2' }],
    ['https://redivis.com/demo', { kind: 'owner', owner: 'demo' }],
  ])('%s', (input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it.each([
    ['https://example.com/demo/datasets/iris', /Only redivis\.com links/],
    ['https://redivis.com/', /home page/],
    ['https://redivis.com/demo/datasets/iris?v=latest', /not a version/],
    ['https://redivis.com/demo/settings', /does not point to a dataset/],
    ['https://redivis.com/datasets/bad$id', /not a Redivis id/],
    ['https://', /not a valid web address/],
  ])('refuses %s', (input, pattern) => {
    expect(message(input)).toMatch(pattern);
  });
});

describe('reference helpers', () => {
  it('normalizes versions', () => {
    expect(normalizeVersion('V2.10')).toBe('v2_10');
    expect(normalizeVersion('latest')).toBeUndefined();
  });

  it('finds the dataset and version of a table reference', () => {
    expect(containerOfTableRef('demo.iris_species:k9bp:v1.0.iris:kvd3')).toBe('demo.iris_species:k9bp:v1.0');
    expect(containerOfTableRef('demo.iris_species')).toBeUndefined();
    expect(versionOfRef('demo.iris_species:k9bp:v1_0.iris')).toBe('v1_0');
    expect(versionOfRef('demo.iris_species:next')).toBe('next');
    expect(versionOfRef('demo.iris_species.iris')).toBeUndefined();
  });

  it('replaces or removes the version of a dataset reference', () => {
    expect(withVersion('demo.iris_species:k9bp:v1_0', 'v2_0')).toBe('demo.iris_species:k9bp:v2_0');
    expect(withVersion('demo.iris_species:k9bp:v1_0', undefined)).toBe('demo.iris_species:k9bp');
    expect(withVersion('demo.iris_species', 'next')).toBe('demo.iris_species:next');
  });
});

describe('splitting references for API paths', () => {
  it('splits table references and strips versions and sample flags, keeping reference ids', () => {
    expect(tableRefParts('demo_user.my_uploads:v1_0.survey_responses')).toEqual({
      datasetRef: 'demo_user.my_uploads',
      tableName: 'survey_responses',
      version: 'v1_0',
    });
    expect(tableRefParts('demo.ghcn:7br5:sample:next.stations:g2q3')).toEqual({
      datasetRef: 'demo.ghcn:7br5',
      tableName: 'stations',
      version: 'next',
    });
    // A version written with a dot is one part, and a table name may contain dots.
    expect(tableRefParts('demo.ghcn:v1.2.daily.observations')).toEqual({
      datasetRef: 'demo.ghcn',
      tableName: 'daily.observations',
      version: 'v1_2',
    });
    expect(datasetRefParts('demo.iris_species:current')).toEqual({
      datasetRef: 'demo.iris_species',
      version: 'current',
    });
    expect(datasetRefParts('demo.iris_species')).toEqual({ datasetRef: 'demo.iris_species' });
  });

  it('rejects what is not a reference with an invalid_request error', () => {
    for (const [split, ref, message] of [
      [tableRefParts, 'nodots', /"nodots" is not a table reference/],
      [tableRefParts, 'demo.iris_species', /not a table reference/],
      [datasetRefParts, 'nodots', /"nodots" is not a dataset reference/],
      [datasetRefParts, '.iris', /not a dataset reference/],
    ] as const) {
      let caught: unknown;
      try {
        split(ref);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppFailure);
      expect((caught as AppFailure).appError).toMatchObject({
        code: 'invalid_request',
        message: expect.stringMatching(message),
      });
    }
  });

  it('names the same table in the unreleased version', () => {
    expect(nextTableRef('a.b', 't')).toBe('a.b:next.t');
    expect(nextTableRef('demo.ghcn:7br5', 'stations')).toBe('demo.ghcn:7br5:next.stations');
  });
});
