import type { VariableRecord } from '../store/model.js';
import type { CellValue } from './columnBuilder.js';
import { variable, type DemoBuilder } from './demoBuilder.js';
import { pick, seededRandom } from './random.js';

const COLORS = ['red', 'green', 'blue', 'yellow'];

function allTypesVariables(): VariableRecord[] {
  return [
    variable('id', 'integer', 'Row id', 'Sequential identifier'),
    variable('name', 'string', 'Name', 'A short text value'),
    variable('rating', 'integer', 'Rating', 'Satisfaction from 1 to 5', [
      { value: '1', label: 'Very unsatisfied' },
      { value: '2', label: 'Unsatisfied' },
      { value: '3', label: 'Neutral' },
      { value: '4', label: 'Satisfied' },
      { value: '5', label: 'Very satisfied' },
    ]),
    variable('color', 'string', 'Favourite colour', 'Coded colour', [
      { value: 'red', label: 'Red' },
      { value: 'green', label: 'Green' },
      { value: 'blue', label: 'Blue' },
      { value: 'yellow', label: 'Yellow' },
    ]),
    variable('score', 'float', 'Score', 'A real number with decimals'),
    variable('is_active', 'boolean', 'Active?', 'Whether the record is active'),
    variable('birth_date', 'date', 'Birth date', 'A calendar date'),
    variable('updated_at', 'dateTime', 'Updated at', 'A timestamp with microseconds'),
    variable('wake_time', 'time', 'Wake-up time', 'A time of day'),
    variable('location', 'geography', 'Location', 'A WKT point (EPSG:4326)'),
  ];
}

/** Rows of `all_types` with ids from `firstId`; every column has some nulls. */
function allTypesColumns(count: number, firstId: number, seed: number): CellValue[][] {
  const random = seededRandom(seed);
  const names = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Niklaus', 'Radia'];
  const columns: CellValue[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const isNull = (k: number): boolean => (id * 7 + k * 13) % 23 === 0;
    const row: CellValue[] = [
      BigInt(id),
      isNull(1) ? null : `${pick(random, names)} ${id}`,
      isNull(2) ? null : 1 + Math.floor(random() * 5),
      isNull(3) ? null : pick(random, COLORS),
      isNull(4) ? null : Math.round((random() * 200 - 50) * 1000) / 1000,
      isNull(5) ? null : random() < 0.6,
      isNull(6) ? null : Math.floor(-3650 + random() * 20_000),
      isNull(7) ? null : 1_600_000_000_000_000n + BigInt(Math.floor(random() * 1e15)),
      isNull(8) ? null : BigInt(Math.floor(random() * 86_400)) * 1_000_000n + BigInt(id % 1000),
      isNull(9) ? null : `POINT(${(random() * 360 - 180).toFixed(5)} ${(random() * 180 - 90).toFixed(5)})`,
    ];
    row.forEach((value, c) => columns[c]?.push(value));
  }
  return columns;
}

export async function addTypesShowcase(b: DemoBuilder): Promise<void> {
  const dataset = b.dataset({ kind: 'organization', name: 'demo' }, 'Types showcase', {
    publicAccessLevel: 'metadata',
    access: { demo_user: 'edit' },
    description: 'One variable of every Redivis type, with nulls, labels and value labels.',
    temporalRange: [Date.UTC(1990, 0, 1), Date.UTC(2024, 11, 31)],
    temporalPrecision: 'day',
  });
  const variables = allTypesVariables();
  const segment = await b.segment(variables, allTypesColumns(1000, 1, 42));
  for (const tag of ['v1.0', 'v1.1']) {
    const version = b.version(dataset, tag, tag === 'v1.0' ? 'Initial release' : 'Improved labels');
    b.table(
      { kind: 'dataset', datasetId: dataset.id, versionId: version.id },
      'demo.types_showcase.all_types',
      'all_types',
      variables,
      [segment],
      {
        description: 'A table with one variable of every type',
      },
    );
  }
  // The next version holds two uploads whose schemas differ (the second has an extra column).
  const next = b.version(dataset, 'next');
  const table = b.table(
    { kind: 'dataset', datasetId: dataset.id, versionId: next.id },
    'demo.types_showcase.all_types',
    'all_types',
    variables,
    [],
    {
      description: 'A table with one variable of every type (being revised)',
    },
  );
  const firstVariables = structuredClone(variables);
  const first = await b.segment(firstVariables, allTypesColumns(600, 1, 7), 'part_1.csv');
  const extra = variable('extra_note', 'string', 'Extra note', 'Only present in the second upload');
  const secondVariables = [...structuredClone(variables), extra];
  const secondColumns = allTypesColumns(400, 601, 8);
  secondColumns.push(secondColumns[0]?.map((id) => `note ${String(id)}`) ?? []);
  const second = await b.segment(secondVariables, secondColumns, 'part_2.csv');
  table.variables = [...table.variables, structuredClone(extra)];
  const uploads = [
    { name: 'part_1.csv', segment: first, variables: firstVariables },
    { name: 'part_2.csv', segment: second, variables: secondVariables },
  ];
  for (const [i, upload] of uploads.entries()) {
    const at = b.tick();
    const id = `${table.referenceId}-upload-${i + 1}`;
    b.state.uploads[id] = {
      id,
      tableId: table.id,
      name: upload.name,
      status: 'completed',
      type: 'delimited',
      options: { hasHeaderRow: true, delimiter: ',' },
      variables: upload.variables,
      data: upload.segment,
      size: upload.segment.numBytes,
      hash: null,
      badRecordsCount: 0,
      percentCompleted: 100,
      errorMessage: null,
      createdAt: at,
      updatedAt: at,
    };
  }
}
