import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { RedivisApiClient } from '../redivis/apiClient';
import { CatalogApi } from './catalogApi';

/**
 * The older, nested Redivis error body (`{error: {message, status}}`, spec 1.6) is not what
 * the emulator sends, so a tiny server on 127.0.0.1 answers with it here.
 */
let server: Server;
let base = '';
let statisticsPolls = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url?.endsWith('/variables/score/statistics')) {
      statisticsPolls += 1;
      const done = statisticsPolls >= 3;
      return reply(200, {
        kind: 'variableStatistics',
        status: done ? 'completed' : 'running',
        count: done ? 42 : null,
      });
    }
    if (req.url?.startsWith('/api/v1/tables/')) {
      return reply(403, { error: { message: 'Not authorized to view this table', status: 403 } });
    }
    if (req.url?.startsWith('/api/v1/datasets/')) {
      return reply(404, { error: { message: 'Dataset not found', status: 404 } });
    }
    return reply(400, { error: { message: 'Malformed request', status: 400 } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function failureOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected a failure');
}

const api = () =>
  new CatalogApi(
    new RedivisApiClient({
      baseUrl: () => base,
      tokens: { accessToken: async () => 'token', refreshAfterUnauthorized: async () => false },
    }),
    { statisticsPollMs: 10 },
  );

describe('older nested error bodies', () => {
  it('shows the server message of a nested 403', async () => {
    const error = await failureOf(() => api().getTable('demo.iris.iris'));
    expect(error).toMatchObject({ code: 'forbidden', message: 'Not authorized to view this table' });
    expect(error.detail).toContain('403');
  });

  it('maps a nested 404 and 400', async () => {
    expect(await failureOf(() => api().getDataset('demo.iris'))).toMatchObject({ code: 'not_found' });
    expect(await failureOf(() => api().me())).toMatchObject({
      code: 'invalid_request',
      message: 'Malformed request',
    });
  });
});

describe('variable statistics', () => {
  it('polls while the server is still computing them', async () => {
    const stats = await api().getVariableStatistics('demo.t.t', 'score');
    expect(stats).toMatchObject({ status: 'completed', count: 42 });
    expect(statisticsPolls).toBe(3);
  });
});
