import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/contract/errors';
import { formatInfo } from '../exportFormats';
import { byId, readCsvFile, serverRows, type Row } from '../testing/exportTestData';
import { startExportTestKit, type ExportTestKit } from '../testing/exportTestKit';
import { exportOnServer, type ServerExportOptions } from './serverExport';
import { parse } from 'csv-parse/sync';

let kit: ExportTestKit;
beforeAll(async () => {
  kit = await startExportTestKit({ largeRows: 20_000, exportPartMaxRows: 6_000 });
});
afterAll(async () => kit?.close());

function run(overrides: Partial<ServerExportOptions> & Pick<ServerExportOptions, 'target'>) {
  return exportOnServer({
    api: kit.api,
    tableRef: 'demo.iris_species.iris',
    format: formatInfo.server_csv,
    signal: new AbortController().signal,
    maxPollMs: 100,
    ...overrides,
  });
}

it('a single-part server CSV export is downloaded as one file with the table rows', async () => {
  const target = join(kit.outDir, 'iris.csv');
  const phases: string[] = [];
  const result = await run({ target, progress: (p) => p.phase && phases.push(p.phase) });
  expect(result.path).toBe(target);
  const rows = await readCsvFile(target);
  expect(rows).toHaveLength(150);
  expect(rows).toEqual(await serverRows(kit.api, 'demo.iris_species.iris', 'csv'));
  expect(phases).toContain('Downloading');
});

it('a multi-part export becomes a folder of numbered parts, resumed through 503s', async () => {
  kit.emulator.faults.failNext({
    count: 2,
    status: 503,
    retryAfterSeconds: 0,
    pathPrefix: '/api/v1/exports',
  });
  const target = join(kit.outDir, 'measurements.csv');
  const result = await run({ tableRef: 'demo.large_sample.measurements', target });
  const folder = join(kit.outDir, 'measurements');
  expect(result.path).toBe(folder);
  const parts = (await readdir(folder)).sort();
  expect(parts).toEqual(['000000.csv', '000001.csv', '000002.csv', '000003.csv']);
  const rows: Row[] = [];
  for (const part of parts)
    rows.push(...(parse(await readFile(join(folder, part), 'utf8'), { columns: true }) as Row[]));
  const ids = byId(rows).map((r) => Number(r.id));
  expect(ids).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
  expect((await readdir(kit.outDir)).some((name) => name.endsWith('.partial'))).toBe(false);
});

it('a format this server cannot make fails with its explanation and leaves nothing behind', async () => {
  const target = join(kit.outDir, 'iris.dta');
  const error = await run({ target, format: formatInfo.dta }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppFailure);
  expect((error as AppFailure).appError.message).toMatch(/dta/);
  expect(await readdir(kit.outDir)).not.toContain('iris.dta');
});

describe('a folder beside the file is never deleted without its own consent', () => {
  it('survives a refused and an accepted replace of the file, and is replaced only when agreed to', async () => {
    const target = join(kit.outDir, 'consent', 'measurements.csv');
    const folder = join(kit.outDir, 'consent', 'measurements');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'notes.txt'), 'my own notes');
    await writeFile(target, 'old file');

    // Refused: the file is there and the user did not agree to replace it.
    const refused = await run({ tableRef: 'demo.large_sample.measurements', target }).catch(
      (e: unknown) => e,
    );
    expect((refused as AppFailure).appError.code).toBe('conflict');
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('my own notes');

    // Accepted for the file only: the multi-part export must not touch the folder.
    const accepted = await run({ tableRef: 'demo.large_sample.measurements', target, overwrite: true }).catch(
      (e: unknown) => e,
    );
    expect((accepted as AppFailure).appError.code).toBe('conflict');
    expect((accepted as AppFailure).appError.message).toMatch(/"measurements" folder/);
    expect(await readdir(folder)).toEqual(['notes.txt']);
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('my own notes');
    expect(await readFile(target, 'utf8')).toBe('old file');
    expect((await readdir(join(kit.outDir, 'consent'))).sort()).toEqual(['measurements', 'measurements.csv']);

    // With the folder's own consent it is replaced by the parts, and nothing is left aside.
    const result = await run({
      tableRef: 'demo.large_sample.measurements',
      target,
      overwrite: true,
      replacePartsFolder: true,
    });
    expect(result.path).toBe(folder);
    expect((await readdir(folder)).sort()).toEqual(['000000.csv', '000001.csv', '000002.csv', '000003.csv']);
    expect((await readdir(join(kit.outDir, 'consent'))).sort()).toEqual(['measurements', 'measurements.csv']);
  });
});
