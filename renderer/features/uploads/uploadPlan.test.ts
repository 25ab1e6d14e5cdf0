import { describe, expect, it } from 'vitest';
import type { Destination, InspectedFile } from '../../../shared/contract/uploadModel';
import { tableNameFor } from './localFiles';
import { conflictDefault, initialPlan, toStartParams } from './uploadPlan';

const options = {
  hasHeaderRow: true,
  delimiter: ',',
  quoteCharacter: '"',
  nullMarkers: [],
  skipBadRecords: false,
  hasQuotedNewlines: false,
};

function inspected(name: string, kind: 'tabular' | 'file'): InspectedFile {
  return {
    source: { kind: 'staged', stagingId: `staged-${name.replace(/[^a-z0-9]/g, '')}` },
    name,
    size: 10,
    kind,
    type: kind === 'tabular' ? 'delimited' : undefined,
    options,
  };
}

const destination: Destination = {
  datasetRef: 'me.ds',
  datasetName: 'DS',
  canEdit: true,
  nextVersion: { tag: 'next' },
  currentVersion: null,
  tables: [
    { name: 'survey', tableRef: 'me.ds:next.survey', isFileIndex: false, uploadMergeStrategy: 'append' },
    { name: 'docs', tableRef: 'me.ds:next.docs', isFileIndex: true, uploadMergeStrategy: 'append' },
  ],
};

describe('initialPlan', () => {
  it('sends a file dropped on a table to that table of the next version', () => {
    const plan = initialPlan(
      inspected('a.csv', 'tabular'),
      { kind: 'table', tableRef: 'me.ds:v1_0.survey', tableName: 'survey' },
      { ...destination, tableName: 'survey' },
    );
    expect(plan.into).toEqual({
      kind: 'table',
      tableRef: 'me.ds:next.survey',
      tableName: 'survey',
      isFileIndex: false,
    });
    expect(plan.blocked).toBeUndefined();
  });

  it('blocks a non-data file dropped on a data table', () => {
    const plan = initialPlan(
      inspected('a.pdf', 'file'),
      { kind: 'table', tableRef: 'me.ds:next.survey', tableName: 'survey' },
      { ...destination, tableName: 'survey' },
    );
    expect(plan.blocked).toMatch(/not a data file/);
  });

  it('on a dataset: a new table named from the file, an existing one of that name, or the file index', () => {
    const target = { kind: 'dataset', datasetRef: 'me.ds', datasetName: 'DS' } as const;
    expect(initialPlan(inspected('Wave 2 (final).csv', 'tabular'), target, destination).into).toEqual({
      kind: 'newTable',
      tableName: 'wave_2_final',
      isFileIndex: false,
    });
    expect(initialPlan(inspected('survey.csv', 'tabular'), target, destination).into.kind).toBe('table');
    expect(initialPlan(inspected('x.pdf', 'file'), target, destination).into).toMatchObject({
      tableRef: 'me.ds:next.docs',
    });
    const noIndex = { ...destination, tables: destination.tables.filter((t) => !t.isFileIndex) };
    expect(initialPlan(inspected('x.pdf', 'file'), target, noIndex).into).toEqual({
      kind: 'newTable',
      tableName: 'files',
      isFileIndex: true,
    });
  });
});

describe('toStartParams', () => {
  it('asks the server to fail on conflicts unless the user chose', () => {
    const target = { kind: 'dataset', datasetRef: 'me.ds', datasetName: 'DS' } as const;
    const plan = initialPlan(inspected('new.csv', 'tabular'), target, destination);
    expect(toStartParams(plan, 'me.ds')).toMatchObject({
      into: { kind: 'newTable', datasetRef: 'me.ds', tableName: 'new', isFileIndex: false },
      onConflict: 'fail',
      options,
    });
    expect(toStartParams({ ...plan, exists: true, onConflict: 'replace' }, 'me.ds').onConflict).toBe(
      'replace',
    );
    expect(
      toStartParams(initialPlan(inspected('x.pdf', 'file'), target, destination), 'me.ds').options,
    ).toBeUndefined();
  });
});

describe('conflictDefault', () => {
  it('leaves a conflict on an append table unanswered, so rows are not added twice by default', () => {
    expect(conflictDefault('append')).toBeUndefined();
    expect(conflictDefault('replace')).toBe('rename');
    expect(conflictDefault(undefined)).toBe('rename');
  });
});

describe('tableNameFor', () => {
  it('makes a table name from a file name', () => {
    expect(tableNameFor('Survey Responses.CSV')).toBe('survey_responses');
    expect(tableNameFor('roads.shp.zip')).toBe('roads');
    expect(tableNameFor('...csv')).toBe('new_table');
  });
});
