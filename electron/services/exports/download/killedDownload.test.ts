import { spawn } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startExportTestKit, type ExportTestKit } from '../testing/exportTestKit';

let kit: ExportTestKit;
beforeAll(async () => {
  kit = await startExportTestKit({ largeRows: 20_000 });
});
afterAll(async () => kit?.close());

it('a process killed mid-write leaves nothing at the target', async () => {
  const folder = join(kit.outDir, 'killed');
  await mkdir(folder);
  const target = join(folder, 'measurements.csv');
  // Slow responses and one stream at a time keep the download running long enough to kill it.
  kit.emulator.faults.latency(400);
  const token = await kit.emulator.createApiToken('demo_user', ['public', 'data.data']);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, '../testing/downloadProcess.ts'),
      kit.emulator.apiBase,
      'demo.large_sample.measurements',
      'csv',
      target,
      '8',
      '1',
    ],
    { env: { ...process.env, REDIVIS_API_TOKEN: token }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for await (const line of createInterface({ input: child.stdout })) {
    const message = JSON.parse(line) as { bytes?: number; done?: number };
    expect(message.done).toBeUndefined();
    if ((message.bytes ?? 0) > 0) break;
  }
  // Rows are on disk in the temporary file (bytes were written): kill the process mid-download.
  expect((await readdir(folder)).some((name) => name.endsWith('.partial'))).toBe(true);
  child.kill('SIGKILL');
  await exited;
  const names = await readdir(folder);
  expect(names).not.toContain('measurements.csv');
  expect(names.every((name) => name.startsWith('.measurements.csv.') && name.endsWith('.partial'))).toBe(
    true,
  );
  kit.emulator.faults.clear();
});
