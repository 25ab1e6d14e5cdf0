import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allowEngine, closeEngine, engineFor, SqlEngineClosing } from '../src/sql/engine.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-engine-close-'));
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

it('closing interrupts a running statement, waits for it, and refuses new statements and engines', async () => {
  const engine = await engineFor(dataDir);
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  // A statement that runs for minutes unless interrupted (closing DuckDB under it crashed the process).
  const long = engine.withConnection(async (connection) => {
    const pending = connection.run('SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3');
    started();
    return pending;
  });
  await running;
  await closeEngine(dataDir);
  await expect(long).rejects.toBeInstanceOf(SqlEngineClosing);
  await expect(engine.withConnection(async (c) => c.run('SELECT 1'))).rejects.toBeInstanceOf(
    SqlEngineClosing,
  );
  // No engine opens again for the closed directory, until a server starts on it again.
  await expect(engineFor(dataDir)).rejects.toBeInstanceOf(SqlEngineClosing);
  allowEngine(dataDir);
  const fresh = await engineFor(dataDir);
  expect(fresh).not.toBe(engine);
  const reader = await fresh.withConnection(async (c) => c.runAndReadAll('SELECT 41 + 1 AS answer'));
  expect(reader.getRowObjects()).toEqual([{ answer: 42 }]);
  await closeEngine(dataDir);
});
