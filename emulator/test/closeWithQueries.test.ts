import { expect, it } from 'vitest';
import { startHarness } from './emulatorHarness.js';
import { submit } from './queryClient.js';

it('closing the server ends waiting queries at once and leaves nothing writing to its folder', async () => {
  const h = await startHarness({ faults: true });
  // One query held for ten minutes before it runs, one running, one waiting for an engine slot;
  // none is waited for by its POST.
  h.emu.faults.slowQueries({ count: 1, delayMs: 600_000 });
  const queries = [
    'SELECT 1 AS one',
    'SELECT count(*) AS n FROM demo.large_sample.measurements a, demo.large_sample.measurements b, demo.large_sample.measurements c',
    'SELECT 2 AS two',
  ];
  for (const query of queries) expect((await submit(h, query, { timeoutMs: 0 })).status).toBe(200);
  // Without giving up, the held query alone would keep the server closing for ten minutes (the
  // test's time limit fails it first); the data folder is removed after the close.
  await h.stop();
});
