import { expect, it } from 'vitest';
import type { RedivisApiClient } from '../redivis/apiClient';
import { inspectQuery, LARGE_TABLE_BYTES } from './queryInspection';

/** Table sizes as Redivis would answer `GET /tables/{ref}` (the demo server has no 10 GB table). */
function serverWith(sizes: Record<string, number>): RedivisApiClient {
  return {
    get: async (path: string) => {
      const ref = decodeURIComponent(path.replace('/tables/', ''));
      if (!(ref in sizes)) throw new Error('not found');
      return { name: ref.split('.').pop(), numRows: 1, numBytes: sizes[ref] };
    },
  } as unknown as RedivisApiClient;
}

it('asks before SELECT * over a table above 10 GB, not before other queries of it', async () => {
  const api = serverWith({ 'demo.big.events': LARGE_TABLE_BYTES + 1, 'demo.small.codes': 1_000 });
  const star = await inspectQuery(
    api,
    'SELECT * FROM `demo.big.events` e JOIN `demo.small.codes` USING (code)',
  );
  expect(star.largeSelectStar).toEqual(['demo.big.events']);
  const columns = await inspectQuery(api, 'SELECT code, COUNT(*) FROM `demo.big.events` GROUP BY code');
  expect(columns.largeSelectStar).toEqual([]);
  const except = await inspectQuery(api, 'SELECT * EXCEPT (payload) FROM `demo.big.events`');
  expect(except.largeSelectStar).toEqual([]);
  const bare = await inspectQuery(api, 'SELECT * FROM events', 'demo.big');
  expect(bare.largeSelectStar).toEqual(['demo.big.events']);
});
