import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../../shared/contract/errors';
import {
  arrowRows,
  byId,
  readArrowFile,
  readCsvFile,
  readNdjsonFile,
  readParquetFile,
  readParquetWithDuckDb,
  serverArrow,
  serverRows,
} from '../testing/exportTestData';
import { failureOf } from '../testing/failureOf';
import { startExportTestKit, type ExportTestKit } from '../testing/exportTestKit';
import { downloadTable, type TableDownloadOptions } from './tableDownload';

const ALL_TYPES = 'demo.types_showcase.all_types';
const MEASUREMENTS = 'demo.large_sample.measurements';
let kit: ExportTestKit;

beforeAll(async () => {
  kit = await startExportTestKit({ largeRows: 20_000 });
});
afterAll(async () => kit?.close());
afterEach(() => kit.emulator.faults.clear());

function download(
  overrides: Partial<TableDownloadOptions> & Pick<TableDownloadOptions, 'format' | 'target'>,
) {
  return downloadTable({
    api: kit.api,
    tableRef: ALL_TYPES,
    signal: new AbortController().signal,
    ...overrides,
  });
}

describe('local formats round-trip every variable type and nulls', () => {
  it('Arrow IPC file equals the server rows exactly', async () => {
    const target = join(kit.outDir, 'all_types.arrow');
    const result = await download({ format: 'arrow', target });
    const written = await readArrowFile(target);
    const reference = await serverArrow(kit.api, ALL_TYPES);
    expect(result.rows).toBe(1000);
    expect(written.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(
      reference.schema.fields.map((f) => `${f.name}:${f.type}`),
    );
    const rows = byId(arrowRows(written));
    expect(rows).toEqual(byId(arrowRows(reference)));
    // The demo table has nulls in every column but the id; make sure they survived.
    for (const field of written.schema.fields.filter((f) => f.name !== 'id')) {
      expect(rows.some((r) => r[field.name] === null)).toBe(true);
    }
  });

  it('Parquet read back with parquet-wasm equals the server rows', async () => {
    const target = join(kit.outDir, 'all_types.parquet');
    await download({ format: 'parquet', target });
    const written = await readParquetFile(target);
    const reference = await serverArrow(kit.api, ALL_TYPES);
    expect(written.numRows).toBe(1000);
    expect(byId(arrowRows(written))).toEqual(byId(arrowRows(reference)));
  });

  it('Parquet read back with DuckDB, an independent reader, equals the server rows', async () => {
    const target = join(kit.outDir, 'all_types_duckdb.parquet');
    await download({ format: 'parquet', target });
    const { types, rows } = await readParquetWithDuckDb(target);
    expect(types).toEqual([
      'id:BIGINT',
      'name:VARCHAR',
      'rating:BIGINT',
      'color:VARCHAR',
      'score:DOUBLE',
      'is_active:BOOLEAN',
      'birth_date:DATE',
      'updated_at:TIMESTAMP',
      'wake_time:TIME',
      'location:VARCHAR',
    ]);
    const expected = byId(arrowRows(await serverArrow(kit.api, ALL_TYPES)));
    expect(byId(rows)).toEqual(expected);
    for (const name of Object.keys(expected[0] ?? {}).filter((n) => n !== 'id')) {
      expect(
        rows.some((r) => r[name] === null),
        name,
      ).toBe(true);
    }
  });

  it('Parquet encoded by several threads and joined, read back with DuckDB, equals the server rows', async () => {
    const target = join(kit.outDir, 'all_types_pooled.parquet');
    await download({ format: 'parquet', target, encoders: 3 });
    const { rows } = await readParquetWithDuckDb(target);
    expect(byId(rows)).toEqual(byId(arrowRows(await serverArrow(kit.api, ALL_TYPES))));
  });

  it('CSV parsed with csv-parse equals the server CSV', async () => {
    const target = join(kit.outDir, 'all_types.csv');
    await download({ format: 'csv', target });
    expect(byId(await readCsvFile(target))).toEqual(byId(await serverRows(kit.api, ALL_TYPES, 'csv')));
  });

  it('NDJSON parsed line by line equals the server JSON lines', async () => {
    const target = join(kit.outDir, 'all_types.ndjson');
    await download({ format: 'ndjson', target });
    const rows = byId(await readNdjsonFile(target));
    expect(rows).toHaveLength(1000);
    expect(rows).toEqual(byId(await serverRows(kit.api, ALL_TYPES, 'jsonl')));
  });

  it('large batches are formatted in slices without shifting any value', async () => {
    // One stream of 20,000 rows arrives as one batch, which the text formats cut into slices.
    const target = join(kit.outDir, 'measurements.csv');
    await download({ tableRef: MEASUREMENTS, format: 'csv', target, parallelStreams: 1 });
    expect(byId(await readCsvFile(target))).toEqual(byId(await serverRows(kit.api, MEASUREMENTS, 'csv')));
  });

  it('keeps the chosen columns in the chosen order and stops at the row limit', async () => {
    const target = join(kit.outDir, 'limited.csv');
    const result = await download({ format: 'csv', target, selectedVariables: ['SCORE', 'id'], maxRows: 37 });
    const rows = await readCsvFile(target);
    expect(result.rows).toBe(37);
    expect(rows).toHaveLength(37);
    expect(Object.keys(rows[0] ?? {})).toEqual(['score', 'id']);
  });

  it('reconciles the differing stream schemas of an unreleased version to its variables', async () => {
    const ref = 'demo.types_showcase:next.all_types';
    const target = join(kit.outDir, 'next.arrow');
    await download({ tableRef: ref, format: 'arrow', target });
    const written = await readArrowFile(target);
    const reference = await serverArrow(kit.api, ref);
    expect(written.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(
      reference.schema.fields.map((f) => `${f.name}:${f.type}`),
    );
    expect(byId(arrowRows(written))).toEqual(byId(arrowRows(reference)));
  });
});

describe('faults still give an exact file', () => {
  async function expectExactMeasurements(target: string): Promise<void> {
    const rows = target.endsWith('.arrow')
      ? arrowRows(await readArrowFile(target))
      : target.endsWith('.csv')
        ? await readCsvFile(target)
        : await readNdjsonFile(target);
    const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    expect(ids).toHaveLength(20_000);
    expect(ids.every((id, i) => id === i + 1)).toBe(true);
  }

  it.each(['ndjson', 'arrow', 'csv'] as const)(
    'streams cut mid-body are resumed from their row offset (%s)',
    async (format) => {
      kit.emulator.faults.cutStreams({ count: 6, afterBytes: 40_000 });
      const target = join(kit.outDir, `cut.${format}`);
      const phases: string[] = [];
      await downloadTable({
        api: kit.api,
        tableRef: MEASUREMENTS,
        format,
        target,
        signal: new AbortController().signal,
        progress: ({ phase }) => void (phase && phases.push(phase)),
      });
      await expectExactMeasurements(target);
      // The row says "Reconnecting" while a stream is picked up again, and not once rows flow.
      expect(phases).toContain('Reconnecting');
      expect(phases.slice(-3)).toEqual(['Downloading', 'Finishing', 'Done']);
    },
  );

  it('429 and 503 storms are waited out', async () => {
    kit.emulator.faults.failNext({
      count: 4,
      status: 429,
      retryAfterSeconds: 0,
      pathPrefix: '/api/v1/readStreams',
    });
    const target = join(kit.outDir, 'storm.ndjson');
    const run = downloadTable({
      api: kit.api,
      tableRef: MEASUREMENTS,
      format: 'ndjson',
      target,
      signal: new AbortController().signal,
    });
    await new Promise((r) => setTimeout(r, 50));
    kit.emulator.faults.failNext({
      count: 4,
      status: 503,
      retryAfterSeconds: 0,
      pathPrefix: '/api/v1/readStreams',
    });
    await run;
    await expectExactMeasurements(target);
  });

  it('an access token that expires mid-download is renewed and the download completes', async () => {
    await kit.emulator.faults.expireTokens();
    kit.emulator.faults.cutStreams({ count: 2, afterBytes: 30_000 });
    const target = join(kit.outDir, 'expired.ndjson');
    await downloadTable({
      api: kit.api,
      tableRef: MEASUREMENTS,
      format: 'ndjson',
      target,
      signal: new AbortController().signal,
    });
    await expectExactMeasurements(target);
  });
});

describe('the target only ever holds a complete file', () => {
  it('cancel leaves nothing at the target and no partial file beside it', async () => {
    const folder = join(kit.outDir, 'cancel');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const target = join(folder, 'm.csv');
    const controller = new AbortController();
    const run = downloadTable({
      api: kit.api,
      tableRef: MEASUREMENTS,
      format: 'csv',
      target,
      signal: controller.signal,
      progress: (p) => {
        if ((p.rowsDone ?? 0) > 0)
          controller.abort(new AppFailure({ code: 'cancelled', message: 'Cancelled.' }));
      },
    });
    expect((await failureOf(run)).appError.code).toBe('cancelled');
    expect(await readdir(folder)).toEqual([]);
  });

  it('an existing file is kept unless replacing it was agreed', async () => {
    const target = join(kit.outDir, 'existing.csv');
    await writeFile(target, 'keep me');
    const refused = await failureOf(download({ format: 'csv', target }));
    expect(refused.appError.code).toBe('conflict');
    expect(await readFile(target, 'utf8')).toBe('keep me');
    await download({ format: 'csv', target, overwrite: true });
    expect((await readCsvFile(target)).length).toBe(1000);
  });

  it('a destination folder that is gone is reported by name before the server is asked', async () => {
    const folder = join(kit.outDir, 'unplugged');
    // Every call of the API client goes through its private request method.
    const requests = vi.spyOn(kit.api as unknown as { request: () => unknown }, 'request');
    const failure = await failureOf(download({ format: 'csv', target: join(folder, 'x.csv') }));
    expect(failure.appError).toMatchObject({
      code: 'io',
      message: `The folder "${folder}" is not there any more.`,
      action: 'retry',
    });
    expect(requests).not.toHaveBeenCalled();
    requests.mockRestore();
  });

  it('a folder removed during the export fails in plain words and leaves nothing', async () => {
    const fs = await import('node:fs/promises');
    const folder = join(kit.outDir, 'removed-midway');
    await fs.mkdir(folder);
    let removed: Promise<void> | undefined;
    const run = downloadTable({
      api: kit.api,
      tableRef: MEASUREMENTS,
      format: 'csv',
      target: join(folder, 'm.csv'),
      signal: new AbortController().signal,
      progress: (p) => {
        if ((p.rowsDone ?? 0) > 0) removed ??= fs.rm(folder, { recursive: true, force: true });
      },
    });
    const failure = await failureOf(run);
    await removed;
    expect(failure.appError.code).toBe('io');
    expect(failure.appError.message).toBe(`The folder "${folder}" is not there any more.`);
    expect(await readdir(kit.outDir)).not.toContain('removed-midway');
  });

  it('a table without data access says why before anything is written', async () => {
    const target = join(kit.outDir, 'restricted.csv');
    const failure = await failureOf(
      download({ tableRef: 'demo.restricted_metadata.records', format: 'csv', target }),
    );
    expect(failure.appError.code).toBe('forbidden');
    expect(failure.appError.message).toMatch(/data access/);
    expect(await readdir(kit.outDir)).not.toContain('restricted.csv');
  });
});
