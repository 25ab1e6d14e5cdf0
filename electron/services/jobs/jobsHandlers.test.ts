import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import type { Job } from '../../../shared/contract/jobModel';
import { createPlainPorts } from '../../web/plainPorts';
import { startExportTestKit, type ExportTestKit } from '../exports/testing/exportTestKit';
import { EventBus } from '../host/eventBus';
import { memorySettings } from '../settings/settingsStore';
import type { ServiceContext } from '../serviceContext';
import { JobQueue } from './jobQueue';
import { createJobsHandlers } from './jobsHandlers';
import { preparedDownloads } from '../exports/download/downloadThread';

let kit: ExportTestKit;
let handlers: ReturnType<typeof createJobsHandlers>;
let jobs: JobQueue;
const taskbar: (number | undefined)[] = [];
const call = { clientId: 'test' };

beforeAll(async () => {
  kit = await startExportTestKit();
  const events = new EventBus();
  const ports = {
    ...createPlainPorts({
      dataDir: kit.outDir,
      downloadDir: join(kit.outDir, 'downloads'),
      events: () => events,
    }),
    setTaskbarProgress: (fraction: number | undefined) => void taskbar.push(fraction),
  };
  jobs = new JobQueue((job) => events.emit('jobs.updated', job), { progressIntervalMs: 0 });
  // Only the parts the jobs handlers use; the rest of the context belongs to other services.
  const context = {
    api: kit.api,
    jobs,
    ports,
    events,
    settings: memorySettings(),
  } as unknown as ServiceContext;
  handlers = createJobsHandlers(context);
});
afterAll(async () => kit?.close());

async function codeOf(promise: Promise<unknown> | unknown): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof AppFailure ? error.appError.code : 'unexpected';
  }
}

it('never lets a suggested name choose the folder', async () => {
  for (const defaultName of ['../../../../etc/cron.d/x', '/etc/cron.d/x', 'a/b.csv', '..\\..\\x.csv']) {
    expect(await codeOf(handlers.chooseExportPath({ defaultName, format: 'csv' }, call)), defaultName).toBe(
      'bad_input',
    );
  }
  // Nothing outside the chosen folder was approved along the way.
  const request = {
    tableRef: 'demo.iris_species.iris',
    title: 'iris',
    format: 'csv' as const,
    destination: { directory: '/etc/cron.d', fileName: 'x' },
    overwrite: false,
  };
  expect(await codeOf(handlers.startExport(request, call))).toBe('invalid_request');
});

it('a folder the page names is used only when it is a usable folder, and is said why otherwise', async () => {
  const folder = join(kit.outDir, 'named');
  await mkdir(folder, { recursive: true });
  const chosen = await handlers.chooseExportPath(
    { defaultName: 'iris.csv', format: 'csv', directory: folder },
    call,
  );
  expect(chosen).toMatchObject({ directory: folder, fileName: 'iris.csv' });
  const missing = join(kit.outDir, 'missing');
  await expect(
    handlers.chooseExportPath({ defaultName: 'iris.csv', format: 'csv', directory: missing }, call),
  ).rejects.toMatchObject({
    appError: { code: 'bad_input', message: `The folder "${missing}" does not exist.` },
  });
  await expect(
    handlers.chooseExportPath({ defaultName: 'iris.csv', format: 'csv', directory: 'named' }, call),
  ).rejects.toMatchObject({ appError: { message: '"named" is not a full folder path.' } });
  // A name that is a path is still refused, whatever the folder.
  expect(
    await codeOf(
      handlers.chooseExportPath({ defaultName: '../x.csv', format: 'csv', directory: folder }, call),
    ),
  ).toBe('bad_input');
});

it('describes a table, saves where the dialog pointed, and refuses other folders', async () => {
  const info = await handlers.describeExport({ tableRef: 'demo.iris_species.iris' }, call);
  expect(info).toMatchObject({ name: 'iris', numRows: 150, canDownload: true });
  expect(info.variables.map((v) => v.name)).toContain('species');

  const chosen = await handlers.chooseExportPath({ defaultName: 'iris.csv', format: 'csv' }, call);
  if (!chosen) throw new Error('no destination');
  expect(chosen).toEqual({
    directory: join(kit.outDir, 'downloads'),
    fileName: 'iris.csv',
    exists: false,
    partsFolderExists: false,
  });

  const request = {
    tableRef: 'demo.iris_species.iris',
    title: 'iris',
    format: 'csv' as const,
    destination: { directory: chosen.directory, fileName: 'flowers.csv' },
    overwrite: false,
  };
  expect(
    await codeOf(
      handlers.startExport({ ...request, destination: { directory: kit.outDir, fileName: 'x.csv' } }, call),
    ),
  ).toBe('invalid_request');
  expect(
    await codeOf(
      handlers.startExport(
        { ...request, destination: { ...request.destination, fileName: '../x.csv' } },
        call,
      ),
    ),
  ).toBe('bad_input');

  const job: Job = await handlers.startExport(request, call);
  expect(job.kind).toBe('export');
  const done = await jobs.settled(job.id);
  expect(done.status).toBe('succeeded');
  expect(done.output).toBe(join(chosen.directory, 'flowers.csv'));
  expect((await readFile(join(chosen.directory, 'flowers.csv'), 'utf8')).split('\n')).toHaveLength(152);
  expect(taskbar.at(-1)).toBeUndefined();
  expect(taskbar.some((f) => f !== undefined)).toBe(true);

  expect((await handlers.checkExportPath(request.destination, call)).exists).toBe(true);
  expect(await codeOf(handlers.startExport(request, call))).toBe('conflict');
});

it('says why a table cannot be downloaded instead of failing later', async () => {
  for (const tableRef of ['demo.restricted_metadata.records', 'demo.restricted_overview.records']) {
    const info = await handlers.describeExport({ tableRef }, call);
    expect(info.canDownload).toBe(false);
    expect(info.cannotDownloadReason).toMatch(/access/);
  }
});

it('a server export of a format the server cannot make fails without offering a retry, leaving no file', async () => {
  const chosen = await handlers.chooseExportPath({ defaultName: 'iris.dta', format: 'dta' }, call);
  if (!chosen) throw new Error('no destination');
  await writeFile(join(chosen.directory, 'keep.txt'), 'x');
  const job = await handlers.startExport(
    {
      tableRef: 'demo.iris_species.iris',
      title: 'iris stata',
      format: 'dta',
      destination: chosen,
      overwrite: false,
    },
    call,
  );
  expect(job.kind).toBe('export');
  const done = await jobs.settled(job.id);
  expect(done.status).toBe('failed');
  // Running it again cannot make the server produce the format.
  expect(done.retryable).toBe(false);
  expect(done.error?.message).toMatch(/dta/);
  expect((await handlers.checkExportPath(chosen, call)).exists).toBe(false);
});

it('gets a download thread for the format the dialog picked ready before the export starts', async () => {
  await handlers.prepareExport({ format: 'server_parquet' }, call);
  expect(preparedDownloads('parquet') + preparedDownloads('ndjson')).toBe(0);
  await handlers.prepareExport({ format: 'parquet' }, call);
  expect(preparedDownloads('parquet')).toBe(1);
  expect(preparedDownloads('ndjson')).toBe(0);
  await handlers.prepareExport({ format: 'ndjson' }, call);
  expect(preparedDownloads('ndjson')).toBe(1);
});
