/**
 * The fixed demo catalog. Names here are part of the emulator's public surface: tests and
 * the README refers to them (see "The local demo server").
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyState } from '../store/store.js';
import type { StoreState, VariableRecord } from '../store/model.js';
import { newVariable } from '../store/variables.js';
import { FILE_INDEX_VARIABLES } from '../readSessions/fileIndexRows.js';
import type { CellValue } from './columnBuilder.js';
import { DemoBuilder, variable } from './demoBuilder.js';
import { writeMeasurements } from './largeTable.js';
import { seededRandom } from './random.js';
import { addTypesShowcase } from './typesShowcase.js';
import { demoFiles } from './demoFiles.js';

const DEMO_ORG = { kind: 'organization', name: 'demo' } as const;
const DEMO_USER = { kind: 'user', name: 'demo_user' } as const;

function irisRows(): { variables: VariableRecord[]; columns: CellValue[][] } {
  const random = seededRandom(150);
  const species: [string, number[]][] = [
    ['setosa', [5.0, 3.4, 1.5, 0.25]],
    ['versicolor', [5.9, 2.8, 4.3, 1.3]],
    ['virginica', [6.6, 3.0, 5.6, 2.0]],
  ];
  const columns: CellValue[][] = [[], [], [], [], []];
  for (const [name, means] of species) {
    for (let i = 0; i < 50; i++) {
      means.forEach((mean, c) =>
        columns[c]?.push(Math.round((mean + (random() - 0.5) * mean * 0.25) * 10) / 10),
      );
      columns[4]?.push(name);
    }
  }
  const variables = [
    variable('sepal_length', 'float', 'Sepal length (cm)'),
    variable('sepal_width', 'float', 'Sepal width (cm)'),
    variable('petal_length', 'float', 'Petal length (cm)'),
    variable('petal_width', 'float', 'Petal width (cm)'),
    variable('species', 'string', 'Species', 'Iris species', [
      { value: 'setosa', label: 'Iris setosa' },
      { value: 'versicolor', label: 'Iris versicolor' },
      { value: 'virginica', label: 'Iris virginica' },
    ]),
  ];
  return { variables, columns };
}

/** A small table of `count` rows: id, label, amount. */
async function simpleTable(b: DemoBuilder, count: number, seed: number) {
  const random = seededRandom(seed);
  const variables = [
    variable('id', 'integer', 'Id'),
    variable('label', 'string', 'Label'),
    variable('amount', 'float', 'Amount'),
  ];
  const columns: CellValue[][] = [[], [], []];
  for (let i = 1; i <= count; i++) {
    columns[0]?.push(i);
    columns[1]?.push(`item ${i}`);
    columns[2]?.push(Math.round(random() * 10_000) / 100);
  }
  return { variables, segment: await b.segment(variables, columns) };
}

async function simpleDataset(
  b: DemoBuilder,
  name: string,
  tableName: string,
  opts: Parameters<DemoBuilder['dataset']>[2],
  seed: number,
) {
  const dataset = b.dataset(DEMO_ORG, name, opts);
  const version = b.version(dataset, 'v1.0', 'Initial release');
  const { variables, segment } = await simpleTable(b, 20, seed);
  b.table(
    { kind: 'dataset', datasetId: dataset.id, versionId: version.id },
    `${name}.${tableName}`,
    tableName,
    variables,
    [segment],
  );
}

async function addMyUploads(b: DemoBuilder): Promise<void> {
  const dataset = b.dataset(DEMO_USER, 'My uploads', {
    publicAccessLevel: 'none',
    description: 'A personal dataset with a released version and a draft to upload into.',
  });
  const survey = [
    variable('respondent', 'integer', 'Respondent id'),
    variable('answer', 'string', 'Answer'),
    variable('score', 'float', 'Score'),
  ];
  const surveySegment = await b.segment(survey, [
    [1, 2, 3, 4, 5],
    ['yes', 'no', 'yes', null, 'maybe'],
    [4.5, 3.0, 5.0, 2.5, null],
  ]);
  await mkdir(join(b.dataDir, 'blobs'), { recursive: true });
  const files = [
    { name: 'readme.txt', content: 'This folder holds the survey documentation.\n' },
    { name: 'codebook/questions.csv', content: 'question,text\nq1,Do you agree?\nq2,How much?\n' },
  ];
  for (const tag of ['v1.0', 'next']) {
    const version = b.version(dataset, tag, tag === 'v1.0' ? 'First survey wave' : null);
    const container = { kind: 'dataset', datasetId: dataset.id, versionId: version.id } as const;
    b.table(container, 'demo_user.my_uploads.survey_responses', 'survey_responses', survey, [surveySegment], {
      description: 'Survey answers (append uploads here)',
    });
    const documents = b.table(
      container,
      'demo_user.my_uploads.documents',
      'documents',
      FILE_INDEX_VARIABLES,
      [],
      {
        isFileIndex: true,
        description: 'Documents that accompany the survey',
      },
    );
    for (const [i, file] of files.entries()) {
      const blob = `blobs/demo-${documents.id}-${i}.bin`;
      await writeFile(join(b.dataDir, blob), file.content);
      const md5 = createHash('md5').update(file.content).digest();
      const id = `${documents.referenceId}-${tag === 'next' ? 'n' : 'r'}${createHash('sha256').update(file.name).digest('hex').slice(0, 8)}.${md5.toString('base64url')}`;
      b.state.rawFiles[id] = {
        id,
        tableId: documents.id,
        name: file.name,
        size: Buffer.byteLength(file.content),
        md5Hash: md5.toString('base64'),
        blob,
        contentType: file.name.endsWith('.csv') ? 'text/csv' : 'text/plain',
        addedAt: b.tick(),
      };
    }
  }
}

/** `demo.sample_files`: a public file-index table with files of every kind in a few folders. */
async function addSampleFiles(b: DemoBuilder): Promise<void> {
  const dataset = b.dataset(DEMO_ORG, 'Sample files', {
    publicAccessLevel: 'data',
    description: 'Images, a PDF, audio, text, JSON, code, CSV and Parquet files kept as they are.',
  });
  const version = b.version(dataset, 'v1.0', 'Initial release');
  const table = b.table(
    { kind: 'dataset', datasetId: dataset.id, versionId: version.id },
    'demo.sample_files.files',
    'files',
    FILE_INDEX_VARIABLES,
    [],
    { isFileIndex: true, description: 'Files of several kinds, in folders' },
  );
  await mkdir(join(b.dataDir, 'blobs'), { recursive: true });
  for (const [i, file] of demoFiles().entries()) {
    const blob = `blobs/demo-${table.id}-${i}.bin`;
    await writeFile(join(b.dataDir, blob), file.bytes);
    const md5 = createHash('md5').update(file.bytes).digest();
    const id = `${table.referenceId}-${createHash('sha256').update(file.name).digest('hex').slice(0, 9)}.${md5.toString('base64url')}`;
    b.state.rawFiles[id] = {
      id,
      tableId: table.id,
      name: file.name,
      size: file.bytes.length,
      md5Hash: md5.toString('base64'),
      blob,
      contentType: file.contentType,
      addedAt: b.tick(),
      metadata: file.metadata,
    };
  }
}

/** Builds the whole demo catalog into `dataDir` and returns the state (not yet persisted). */
export async function generateDemoState(dataDir: string, largeRows: number): Promise<StoreState> {
  const state = emptyState();
  const b = new DemoBuilder(state, dataDir);
  b.user('demo_user', 'Demo User');
  b.user('alice', 'Alice Analyst');
  b.user('bob', 'Bob Builder');
  b.organization('demo', 'Demo Organization', [
    { userName: 'alice', isAdmin: true },
    { userName: 'demo_user', isAdmin: false },
  ]);

  const iris = b.dataset(DEMO_ORG, 'Iris species', {
    publicAccessLevel: 'data',
    description: 'Measurements of 150 iris flowers from three species.',
  });
  const { variables: irisVariables, columns: irisColumns } = irisRows();
  const irisSegment = await b.segment(irisVariables, irisColumns);
  for (const tag of ['v1.0', 'v2.0']) {
    const version = b.version(iris, tag, tag === 'v1.0' ? 'Initial release' : 'Added value labels');
    const vars = tag === 'v1.0' ? irisVariables.map((v) => ({ ...v, valueLabels: [] })) : irisVariables;
    b.table(
      { kind: 'dataset', datasetId: iris.id, versionId: version.id },
      'demo.iris_species.iris',
      'iris',
      vars,
      [irisSegment],
      {
        description: 'One row per flower',
        entityName: 'flower',
      },
    );
  }

  await addTypesShowcase(b);

  const large = b.dataset(DEMO_ORG, 'Large sample', {
    publicAccessLevel: 'none',
    access: { demo_user: 'data' },
    description: 'A large synthetic table for performance work.',
    temporalRange: [Date.UTC(2020, 0, 1), Date.UTC(2023, 11, 31)],
    temporalPrecision: 'dateTime',
    geoBBox: { westLongitude: -124.8, eastLongitude: -66.9, southLatitude: 24.4, northLatitude: 49.4 },
    sampleConfiguration: { variableName: 'id', targetRatio: 0.01 },
  });
  const largeVersion = b.version(large, 'v1.0', 'Initial release');
  const measurements = await writeMeasurements(dataDir, largeRows);
  b.table(
    { kind: 'dataset', datasetId: large.id, versionId: largeVersion.id },
    'demo.large_sample.measurements',
    'measurements',
    measurements.variables,
    [measurements.segment],
    {
      description: 'Synthetic measurements',
      temporalRange: [Date.UTC(2020, 0, 1), Date.UTC(2023, 11, 31)],
      temporalPrecision: 'dateTime',
    },
  );

  const wide = b.dataset(DEMO_ORG, 'Wide table', {
    publicAccessLevel: 'data',
    description: 'A table with 600 columns.',
  });
  const wideVersion = b.version(wide, 'v1.0', 'Initial release');
  const wideVariables = Array.from({ length: 600 }, (_, c) =>
    c === 0
      ? newVariable('row_id', 'integer')
      : newVariable(`col_${String(c).padStart(3, '0')}`, c % 3 === 0 ? 'string' : 'float'),
  );
  const wideColumns: CellValue[][] = wideVariables.map((v, c) =>
    Array.from({ length: 1000 }, (_, r) =>
      c === 0 ? r + 1 : v.type === 'string' ? `r${r}c${c}` : r * 0.5 + c,
    ),
  );
  b.table(
    { kind: 'dataset', datasetId: wide.id, versionId: wideVersion.id },
    'demo.wide_table.wide',
    'wide',
    wideVariables,
    [await b.segment(wideVariables, wideColumns)],
  );

  await simpleDataset(
    b,
    'Restricted overview',
    'records',
    {
      publicAccessLevel: 'none',
      access: { demo_user: 'overview' },
      description: 'Only its overview is visible to demo_user.',
    },
    11,
  );
  await simpleDataset(
    b,
    'Restricted metadata',
    'records',
    {
      publicAccessLevel: 'none',
      access: { demo_user: 'metadata' },
      description: 'Variables are visible to demo_user, rows are not.',
    },
    12,
  );
  await simpleDataset(
    b,
    'Private hidden',
    'records',
    { publicAccessLevel: 'none', access: { alice: 'data' }, description: 'Invisible to demo_user.' },
    13,
  );

  await addMyUploads(b);
  const scratch = b.dataset(DEMO_USER, 'Scratch', {
    publicAccessLevel: 'none',
    description: 'Released once; has no next version.',
  });
  const scratchVersion = b.version(scratch, 'v1.0', 'Initial release');
  const notes = await simpleTable(b, 3, 21);
  b.table(
    { kind: 'dataset', datasetId: scratch.id, versionId: scratchVersion.id },
    'demo_user.scratch.notes',
    'notes',
    notes.variables,
    [notes.segment],
  );

  const workflow = b.workflow(DEMO_USER, 'Example workflow', 'Summarizes the iris species dataset.');
  const summaryVariables = [
    variable('species', 'string', 'Species'),
    variable('n', 'integer', 'Number of flowers'),
    variable('mean_petal_length', 'float', 'Mean petal length (cm)'),
  ];
  const summary = await b.segment(summaryVariables, [
    ['setosa', 'versicolor', 'virginica'],
    [50, 50, 50],
    [1.46, 4.26, 5.55],
  ]);
  b.table(
    { kind: 'workflow', workflowId: workflow.id },
    'demo_user.example_workflow.summary',
    'summary',
    summaryVariables,
    [summary],
  );
  // Last, so the records above keep their dates.
  await addSampleFiles(b);
  return state;
}
