import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure, type AppError } from '../../../../shared/contract/errors';
import { startCatalogTestBed, type CatalogTestBed } from '../../catalog/testing/catalogTestBed';
import { RedivisApiClient } from '../apiClient';
import { createReadSession } from '../readSession';
import { allDatasets } from './datasets';
import { createExport, getExport } from './exports';
import { createQuery, getQuery } from './queries';
import { createTempUpload } from './uploads';
import { getColumnStatistics, getRowSource, rowSourceVariables } from './rowSources';
import { getMe } from './users';

/**
 * The emulator's `malformedResponses` fault sends one answer in a wrong shape; the app must
 * answer with one clear error that names the resource and the field, and the next, well-formed
 * answer must work as before.
 */
let bed: CatalogTestBed;
let api: RedivisApiClient;

beforeAll(async () => {
  bed = await startCatalogTestBed();
  const token = await bed.emulator.createApiToken('demo_user', ['public', 'data.data', 'data.edit']);
  api = new RedivisApiClient({
    baseUrl: () => bed.emulator.apiBase,
    tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => false },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  await bed?.close();
});

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppFailure)) throw new Error(`expected an AppFailure, got ${String(outcome)}`);
  return outcome.appError;
}

const table = 'demo.iris_species:v1_0.iris';

describe('a malformed Redivis answer', () => {
  it('names the field of a row source, its variables and its statistics (preview, views, exports)', async () => {
    expect(await getRowSource(api, table)).toMatchObject({ name: 'iris', numRows: 150 });
    bed.emulator.faults.malformedResponses({
      pathPrefix: `/api/v1/tables/${table}`,
      method: 'GET',
      set: { numRows: 'many' },
    });
    expect(await failureOf(getRowSource(api, table))).toMatchObject({
      code: 'server',
      message: 'The Redivis server sent an unexpected table: numRows must be a number.',
    });

    bed.emulator.faults.malformedResponses({
      pathPrefix: `/api/v1/tables/${table}/variables`,
      set: { 'results.2.type': 3 },
    });
    const variables = (async () => {
      for await (const variable of rowSourceVariables(api, table)) void variable;
    })();
    expect(await failureOf(variables)).toMatchObject({
      message: 'The Redivis server sent an unexpected variable (item 3 of a list): type must be a string.',
    });

    const statistics = `/api/v1/tables/${table}/variables/species/statistics`;
    let stats = await getColumnStatistics(api, table, 'species');
    for (let i = 0; stats.status !== 'completed' && i < 200; i++)
      stats = await getColumnStatistics(api, table, 'species');
    expect(stats.frequencyDistribution?.length).toBeGreaterThan(0);
    bed.emulator.faults.malformedResponses({
      pathPrefix: statistics,
      set: { 'frequencyDistribution.0.count': 'x' },
    });
    expect(await failureOf(getColumnStatistics(api, table, 'species'))).toMatchObject({
      message:
        'The Redivis server sent an unexpected variable statistics: frequencyDistribution.0.count must be a number.',
    });
    expect((await getColumnStatistics(api, table, 'species')).status).toBe('completed');
  });

  it('reaches the page as one error naming the table and the field, and the next answer works', async () => {
    bed.emulator.faults.malformedResponses({
      pathPrefix: `/api/v1/tables/${table}`,
      method: 'GET',
      set: { numRows: 'many' },
    });
    const outcome = await bed.call('catalog.getTable', { tableRef: table });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'server',
        message: 'The Redivis server sent an unexpected table: numRows must be a number.',
      },
    });
    const retried = await bed.call('catalog.getTable', { tableRef: table });
    expect(retried).toMatchObject({ ok: true, value: { numRows: 150, name: 'iris' } });
  });

  it('names the list item whose field is wrong', async () => {
    bed.emulator.faults.malformedResponses({
      pathPrefix: '/api/v1/users/demo_user/datasets',
      set: { 'results.1.name': 7 },
    });
    const error = await failureOf(
      (async () => {
        for await (const dataset of allDatasets(api, { kind: 'user', name: 'demo_user' })) void dataset;
      })(),
    );
    expect(error).toMatchObject({
      code: 'server',
      message: 'The Redivis server sent an unexpected dataset (item 2 of a list): name must be a string.',
    });
  });

  it('says which field of the user profile has the wrong type', async () => {
    bed.emulator.faults.malformedResponses({ pathPrefix: '/api/v1/users/me', set: { name: ['demo_user'] } });
    expect(await failureOf(getMe(api))).toMatchObject({
      message: 'The Redivis server sent an unexpected user profile: name must be a string.',
    });
    expect(await getMe(api)).toMatchObject({ name: 'demo_user' });
  });

  it('rejects a read session without streams before any stream is read', async () => {
    bed.emulator.faults.malformedResponses({
      pathPrefix: `/api/v1/tables/${table}/readSessions`,
      remove: ['streams'],
    });
    const error = await failureOf(createReadSession(api, `/tables/${encodeURIComponent(table)}`, {}));
    expect(error.message).toBe('The Redivis server sent an unexpected read session: streams is missing.');
    const session = await createReadSession(api, `/tables/${encodeURIComponent(table)}`, {});
    expect(session.numRows).toBe(150);
    expect(session.streams.length).toBeGreaterThan(0);
  });

  it('rejects a query status the app does not know', async () => {
    // The query runs to the end first, so nothing is left running on the server.
    const query = await createQuery(api, { sql: 'SELECT 1 AS one', timeoutMs: 30_000 });
    expect(query.status).toBe('completed');
    bed.emulator.faults.malformedResponses({
      pathPrefix: `/api/v1/queries/${query.id}`,
      set: { status: 'done' },
    });
    const error = await failureOf(getQuery(api, query.id));
    expect(error.message).toBe(
      'The Redivis server sent an unexpected query: status must be one of queued, running, completed, failed, cancelled.',
    );
    expect(await getQuery(api, query.id)).toMatchObject({ status: 'completed', outputNumRows: 1 });
  });

  it('rejects a temporary upload without an address', async () => {
    const target = 'demo_user.my_uploads:next.survey_responses';
    bed.emulator.faults.malformedResponses({
      pathPrefix: `/api/v1/tables/${target}/tempUploads`,
      remove: ['results.0.url'],
    });
    const error = await failureOf(
      createTempUpload(api, target, { name: 'a.csv', size: 4, resumable: false }),
    );
    expect(error.message).toBe(
      'The Redivis server sent an unexpected temporary upload: results.0.url is missing.',
    );
  });

  it('rejects an export whose file count is not a number', async () => {
    const started = await createExport(api, table, { format: 'csv' });
    let current = started;
    while (current.status === 'queued' || current.status === 'running') {
      current = await getExport(api, started.id);
    }
    expect(current.status).toBe('completed');
    bed.emulator.faults.malformedResponses({
      pathPrefix: `/api/v1/exports/${started.id}`,
      set: { fileCount: '1' },
    });
    const error = await failureOf(getExport(api, started.id));
    expect(error.message).toBe('The Redivis server sent an unexpected export: fileCount must be a number.');
    expect(await getExport(api, started.id)).toMatchObject({ status: 'completed', fileCount: 1 });
  });
});
