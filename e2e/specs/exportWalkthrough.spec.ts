import { DataType, DateUnit, makeVector, tableFromIPC, TimeUnit, Type, type Table } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readParquet } from 'parquet-wasm';
import type { RunningEmulator } from '../../emulator/src/index';
import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { JobsPage } from '../pages/jobsPage';
import { PreviewPage } from '../pages/previewPage';

test.use({ emulatorSetup: { largeRows: 1_000_000, faults: true } });

const TABLE = 'demo.large_sample.measurements';
const ROWS = 1_000_000;
const COLUMNS = ['id', 'value', 'category', 'day', 'recorded_at', 'is_valid'];
/** A whole export of a million rows (a few seconds here) may take longer on a busy machine. */
const WHOLE_EXPORT = { timeout: 60_000 };

test('a newcomer exports a million rows to every local format, cancels one, retries one, and every file is exact', async ({
  appPage,
  app,
  emulator,
}) => {
  // About a minute here; the margin is for a slower or busier machine.
  test.setTimeout(240_000);
  const catalog = new CatalogPage(appPage);
  const preview = new PreviewPage(appPage);
  const jobs = new JobsPage(appPage);
  const files = () => readdir(app.downloadDir).then((names) => names.sort());
  const partialCsv = expect.stringMatching(/^\.measurements\.csv\.[0-9a-f]+\.partial$/);

  const tableRef = await test.step('open the table from the demo organization', async () => {
    // The demo server opens in the demo organization; the newcomer clicks through to the table.
    await expect(catalog.heading('Demo Organization')).toBeVisible();
    await catalog.open('Large sample');
    await expect(catalog.heading('Large sample')).toBeVisible();
    await catalog.open('measurements');
    await expect(catalog.heading('measurements')).toBeVisible();
    // The instant preview reads rows too: let it finish, so the faults armed below meet only exports.
    await expect(preview.count).toHaveText(
      '100,000 of 100,000 rows (preview limit; the table has 1,000,000)',
    );
    const ref = (await catalog.main.getByRole('code').first().textContent()) ?? '';
    expect(ref).toMatch(/^demo\.large_sample\b.*\.measurements\b/);
    return ref;
  });

  await test.step('export to Arrow and NDJSON', async () => {
    const arrow = await jobs.exportAs('Arrow IPC file');
    const ndjson = await jobs.exportAs('NDJSON (JSON lines)');
    for (const title of [arrow, ndjson]) {
      await expect(jobs.status(title)).toHaveText('Done', WHOLE_EXPORT);
      await expect(jobs.job(title)).toContainText('1,000,000 of 1,000,000 rows');
    }
    expect(await files()).toEqual(['measurements.arrow', 'measurements.ndjson']);
  });

  const csv = await test.step('watch a CSV export make progress, then cancel it', async () => {
    // Until the faults change, every read stream request is refused with 429 (Retry-After 1 s):
    // the job runs but reads nothing.
    await emulator.faults.set({
      failNext: { count: 1_000_000, status: 429, retryAfterSeconds: 1, pathPrefix: '/api/v1/readStreams/' },
    });
    const title = await jobs.exportAs('CSV');
    await expect(jobs.status(title)).toHaveText('Running');
    // The file is built under a hidden temporary name. Once that exists the read session is
    // open, and all that is left to ask the server for is the streams.
    await expect.poll(files).toEqual([partialCsv, 'measurements.arrow', 'measurements.ndjson']);
    await expect(jobs.job(title)).not.toContainText(/· [1-9][\d,]* of 1,000,000 rows/);

    // Now every stream sends one batch and breaks, and each reconnect waits 4 s at the server:
    // the job sits at a partial count for at least that long.
    emulator.faults.clear();
    await emulator.faults.set({ cutStreams: { count: 8, afterBatches: 1 }, latencyMs: 4_000 });
    await expect(jobs.job(title)).toContainText(/· (?!0 |1,000,000 )[\d,]+ of 1,000,000 rows/);
    // Reconnects that come out of the wait are now refused for a minute, so the job is certainly
    // still running, and holding its partial file, when Cancel is pressed.
    await emulator.faults.set({
      failNext: { count: 1_000_000, status: 429, retryAfterSeconds: 60, pathPrefix: '/api/v1/readStreams/' },
    });
    await expect(jobs.progressBar(title)).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
    await expect(jobs.statusButton).toHaveAccessibleName(/^Jobs: 1 running · [1-9]\d?%$/);
    expect(await files()).toEqual([partialCsv, 'measurements.arrow', 'measurements.ndjson']);

    await jobs.cancelButton(title).click();
    await expect(jobs.status(title)).toHaveText('Cancelled');
    await expect(jobs.progressBar(title)).toHaveCount(0);
    await expect(jobs.error(title)).toHaveCount(0);
    // Nothing at the target, and the temporary file is gone too.
    expect(await files()).toEqual(['measurements.arrow', 'measurements.ndjson']);
    emulator.faults.clear();
    return title;
  });

  const parquet = await test.step('a Parquet export fails while Redivis is down', async () => {
    // Every new read session of the table gets 503 for longer than the app keeps retrying.
    const readSessions = `/api/v1/tables/${encodeURIComponent(tableRef)}/readSessions`;
    await emulator.faults.set({ failNext: { count: 1_000, status: 503, pathPrefix: readSessions } });
    const title = await jobs.exportAs('Parquet');
    await expect(jobs.status(title)).toHaveText('Failed', WHOLE_EXPORT);
    await expect(jobs.error(title)).toContainText('The Redivis server is temporarily unavailable.');
    expect(await files()).toEqual(['measurements.arrow', 'measurements.ndjson']);
    return title;
  });

  await test.step('Retry both once Redivis is back', async () => {
    emulator.faults.clear();
    await jobs.retryButton(parquet).click();
    await jobs.retryButton(csv).click();
    for (const title of [parquet, csv]) {
      await expect(jobs.status(title)).toHaveText('Done', WHOLE_EXPORT);
      await expect(jobs.job(title)).toContainText('1,000,000 of 1,000,000 rows');
      await expect(jobs.error(title)).toHaveCount(0);
    }
    expect(await files()).toEqual([
      'measurements.arrow',
      'measurements.csv',
      'measurements.ndjson',
      'measurements.parquet',
    ]);
  });

  // Every file holds exactly the emulator's rows: each id once, every column, nulls included.
  const reference = await emulatorTable(emulator);
  expect(reference.schema.fields.map((f) => f.name)).toEqual(COLUMNS);
  expect(reference.numRows).toBe(ROWS);
  // Every 97th value is missing, so the comparisons cover nulls.
  expect(reference.getChild('value')?.nullCount).toBe(Math.floor(ROWS / 97));
  const expected = columnsById(typedColumns(reference));
  const types = reference.schema.fields.map((f) => f.type);
  const file = (name: string) => readFile(join(app.downloadDir, name));

  await test.step('the Arrow IPC file is exact', async () => {
    const bytes = await file('measurements.arrow');
    // The IPC file format (not a stream): magic bytes at both ends.
    expect(bytes.subarray(0, 6).toString('latin1')).toBe('ARROW1');
    expect(bytes.subarray(-6).toString('latin1')).toBe('ARROW1');
    const table = tableFromIPC(bytes);
    expect(schemaOf(table)).toEqual(schemaOf(reference));
    expect(differences(expected, typedColumns(table))).toEqual([]);
  });

  await test.step('the Parquet file is exact', async () => {
    const table = tableFromIPC(readParquet(await file('measurements.parquet')).intoIPCStream());
    expect(schemaOf(table)).toEqual(schemaOf(reference));
    expect(differences(expected, typedColumns(table))).toEqual([]);
  });

  await test.step('the CSV file is exact', async () => {
    const text = (await file('measurements.csv')).toString('utf8');
    // A few lines written out by hand: a null is an empty field; dates and times as Redivis writes them.
    for (const line of [
      '1,427.8,beta,2020-01-02,2020-01-01 00:00:37.000123,true',
      '5,138.99,zeta,2020-01-06,2020-01-01 00:03:05.000615,false',
      '97,,beta,2020-04-07,2020-01-01 00:59:49.011931,true',
    ]) {
      expect(text.includes(`\n${line}\n`), line).toBe(true);
    }
    // No value of this table needs quotes (no commas, quotes, line breaks or empty strings): a
    // quote would be a spelling error, and without any, every empty field is a null.
    expect(text.indexOf('"'), 'position of the first quote').toBe(-1);
    const [header, ...rows] = (parse(text) as string[][]).map((row) => row.map((v) => (v === '' ? null : v)));
    expect(header).toEqual(COLUMNS);
    expect(differences(spelled(expected, types, 'csv'), transpose(rows, COLUMNS.length))).toEqual([]);
  });

  await test.step('the NDJSON file is exact', async () => {
    const text = (await file('measurements.ndjson')).toString('utf8');
    const line97 =
      '{"id":97,"value":null,"category":"beta","day":"2020-04-07","recorded_at":"2020-01-01 00:59:49.011931","is_valid":true}';
    expect(text.includes(`\n${line97}\n`), line97).toBe(true);
    expect(text.endsWith('\n'), 'ends with a line break').toBe(true);
    const objects = text
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, Cell>);
    // Every object has every column, in order.
    expect(objects.filter((o) => Object.keys(o).join() !== COLUMNS.join()).slice(0, 3)).toEqual([]);
    const columns = COLUMNS.map((name) => objects.map((o) => o[name] as Cell));
    expect(differences(spelled(expected, types, 'json'), columns)).toEqual([]);
  });
});

/** One value as read from a file or the reference (64-bit integers and microseconds as bigint). */
type Cell = string | number | bigint | boolean | null;

/**
 * The table as the emulator itself serves it (GET /tables/{T}/rows as Arrow, read straight from
 * its store), not as the app read it: the source of truth for every file.
 */
async function emulatorTable(emulator: RunningEmulator): Promise<Table> {
  const token = await emulator.createApiToken('demo_user', ['public', 'data.data']);
  const response = await fetch(`${emulator.apiBase}/tables/${encodeURIComponent(TABLE)}/rows?format=arrow`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
}

function schemaOf(table: Table): string[] {
  return table.schema.fields.map((f) => `${f.name}: ${String(f.type)}${f.nullable ? '' : ' not null'}`);
}

const FIXED_WIDTH = new Set<Type>([Type.Int, Type.Float, Type.Date, Type.Timestamp, Type.Time]);

/**
 * Every column of an Arrow table as exact values: fixed-width cells are the stored numbers
 * themselves (bigint for 64-bit integers and microseconds, days for dates), others as Arrow
 * decodes them; nulls from the validity bitmap.
 */
function typedColumns(table: Table): Cell[][] {
  return table.schema.fields.map((_, c) => {
    const cells: Cell[] = [];
    for (const data of table.getChildAt(c)?.data ?? []) {
      const values = data.values as ArrayLike<number | bigint>;
      const vector = FIXED_WIDTH.has(data.type.typeId) ? undefined : makeVector(data);
      const bitmap = data.nullCount > 0 && data.nullBitmap?.length ? data.nullBitmap : undefined;
      for (let i = 0; i < data.length; i++) {
        const bit = data.offset + i;
        if (bitmap && ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) === 0) cells.push(null);
        else cells.push(vector ? (vector.get(i) as Cell) : (values[i] as number | bigint));
      }
    }
    return cells;
  });
}

/** Reference columns reordered so that index i holds the row with id i + 1 (each id once). */
function columnsById(columns: Cell[][]): Cell[][] {
  const ids = columns[0] ?? [];
  const byId = columns.map(() => new Array<Cell>(ids.length).fill(null));
  const seen = new Uint8Array(ids.length);
  for (let row = 0; row < ids.length; row++) {
    const index = Number(ids[row]) - 1;
    if (!(index >= 0 && index < ids.length) || seen[index])
      throw new Error(`Reference id ${ids[row]} is out of place`);
    seen[index] = 1;
    for (let c = 0; c < columns.length; c++) (byId[c] as Cell[])[index] = (columns[c] as Cell[])[row] as Cell;
  }
  return byId;
}

function transpose(rows: Cell[][], width: number): Cell[][] {
  const columns = Array.from({ length: width }, () => new Array<Cell>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Cell[];
    for (let c = 0; c < width; c++) (columns[c] as Cell[])[r] = row[c] as Cell;
  }
  return columns;
}

/**
 * The reference as CSV or NDJSON spell it (the rules of electron/services/exports/text/textRows.ts
 * and cellText.ts, written out independently here): integers in decimal (JSON numbers while
 * exact), floats as JavaScript prints them, dates `YYYY-MM-DD`, date-times
 * `YYYY-MM-DD HH:MM:SS[.ffffff]`, booleans `true`/`false`. Nulls stay null: an empty CSV field,
 * a JSON `null`.
 */
function spelled(columns: Cell[][], types: DataType[], style: 'csv' | 'json'): Cell[][] {
  return columns.map((column, c) => {
    const spell = speller(types[c] as DataType, style === 'json');
    return column.map((cell) => (cell === null ? null : spell(cell)));
  });
}

function speller(type: DataType, json: boolean): (cell: Exclude<Cell, null>) => Cell {
  if (DataType.isInt(type))
    return (cell) => (json && Number.isSafeInteger(Number(cell)) ? Number(cell) : String(cell));
  if (DataType.isFloat(type)) return (cell) => (json && Number.isFinite(cell) ? cell : String(cell));
  if (DataType.isBool(type)) return (cell) => (json ? cell : String(cell));
  if (DataType.isUtf8(type)) return (cell) => cell;
  if (DataType.isDate(type) && type.unit === DateUnit.DAY) return (cell) => isoDay(Number(cell));
  if (DataType.isTimestamp(type) && type.unit === TimeUnit.MICROSECOND && !type.timezone)
    return (cell) => isoDateTime(Number(cell));
  throw new Error(`This test has no spelling for ${String(type)}`);
}

const dayTexts = new Map<number, string>();

function isoDay(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}

const MICROS_PER_DAY = 86_400_000_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

function isoDateTime(micros: number): string {
  if (!Number.isSafeInteger(micros)) throw new Error(`Timestamp ${micros} is beyond this test's arithmetic`);
  const day = Math.floor(micros / MICROS_PER_DAY);
  const within = micros - day * MICROS_PER_DAY;
  const seconds = Math.floor(within / 1_000_000);
  const fraction = within - seconds * 1_000_000;
  const clock = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  return `${isoDay(day)} ${clock}${fraction ? `.${String(fraction).padStart(6, '0')}` : ''}`;
}

/**
 * What differs between the expected columns (indexed by id) and a file's columns (in file
 * order, as the streams interleave): at most ten lines, none when the file is exact.
 */
function differences(expectedById: Cell[][], actual: Cell[][]): string[] {
  const problems: string[] = [];
  const total = expectedById[0]?.length ?? 0;
  const ids = actual[0] ?? [];
  if (actual.length !== expectedById.length)
    problems.push(`${actual.length} columns, not ${expectedById.length}`);
  if (ids.length !== total) problems.push(`${ids.length} rows, not ${total}`);
  const seen = new Uint8Array(total);
  for (let row = 0; row < ids.length && problems.length < 10; row++) {
    const index = Number(ids[row]) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= total || seen[index]) {
      problems.push(`row ${row + 1}: id ${show(ids[row])} is unknown or repeated`);
      continue;
    }
    seen[index] = 1;
    for (let c = 0; c < expectedById.length; c++) {
      const want = expectedById[c]?.[index];
      const got = actual[c]?.[row];
      if (!Object.is(got, want))
        problems.push(`id ${index + 1}, ${COLUMNS[c]}: ${show(got)} instead of ${show(want)}`);
    }
  }
  return problems;
}

function show(cell: Cell | undefined): string {
  return typeof cell === 'bigint' ? `${cell}n` : (JSON.stringify(cell) ?? 'missing');
}
