import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { downloadTable } from '../download/tableDownload';
import { arrowRows, byId, readArrowFile, readParquetWithDuckDb } from './exportTestData';
import { startExportTestKit, type ExportTestKit } from './exportTestKit';

let kit: ExportTestKit;
beforeAll(async () => {
  kit = await startExportTestKit({ largeRows: 20_000 });
});
afterAll(async () => kit?.close());

/** Runs the benchmark's download process and returns its last line, the summary. */
async function runProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ done: number; bytes: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'downloadProcess.ts'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(0);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { done: number; bytes: number };
}

it("converts an Arrow IPC file to Parquet with the app's writer, every row intact (read back by DuckDB)", async () => {
  const arrow = join(kit.outDir, 'measurements.arrow');
  await downloadTable({
    api: kit.api,
    tableRef: 'demo.large_sample.measurements',
    format: 'arrow',
    target: arrow,
    signal: new AbortController().signal,
  });
  const target = join(kit.outDir, 'measurements.parquet');
  const summary = await runProcess(['http://127.0.0.1:9', '-', 'file-parquet', target], {
    BENCH_INPUT_FILE: arrow,
    REDIVIS_API_TOKEN: 'unused',
  });
  expect(summary.done).toBe(20_000);
  const { rows } = await readParquetWithDuckDb(target);
  expect(byId(rows)).toEqual(byId(arrowRows(await readArrowFile(arrow))));
});
