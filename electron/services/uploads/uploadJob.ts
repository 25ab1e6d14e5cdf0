import type { StartUpload, UploadFinished } from '../../../shared/contract/uploadModel';
import { AppFailure, fail } from '../../../shared/contract/errors';
import type { JobContext, JobSpec } from '../jobs/jobQueue';
import type { Destinations } from './destinations';
import { assertUnchanged, openSource, type LocalFile } from './fileSource';
import { defaultOptions, uploadTypeOf } from './fileSniffer';
import { nextTableRef, tableRefParts } from '../../../shared/contract/catalogReference';
import type { LocalFiles } from './localFiles';
import { transferFile } from './tempUploadTransfer';
import type { TransferSettings } from './transferSettings';
import type { UploadJson, UploadRecords } from './uploadRecords';

export interface UploadJobDeps {
  records: UploadRecords;
  destinations: Destinations;
  files: LocalFiles;
  settings: TransferSettings;
  /** Headers for a temp upload URL: the bearer token only for the API's own origin. */
  uploadHeaders(url: string): Promise<Record<string, string>>;
  finished(event: Omit<UploadFinished, 'jobId'>): void;
}

/** What one run registered on the server, so a failure or cancel can take it back. */
interface Registered {
  upload?: { tableRef: string; name: string };
  table?: string;
}

/**
 * One file into one table of an unreleased version, as a job: resolve the table (creating it
 * when asked), settle name conflicts, send the bytes, register the upload or raw file, and wait
 * for the server to process it. Nothing half-done stays registered when it fails or is cancelled.
 */
export function uploadJobSpec(params: StartUpload, title: string, deps: UploadJobDeps): JobSpec {
  let registered: Registered = {};
  return {
    kind: 'upload',
    title,
    async run(job) {
      registered = {};
      const file = await openSource(params.source, deps.files);
      const { tableRef, datasetRef } = await resolveTable(params, deps, job, registered);
      const table = await withReleaseCheck(deps, datasetRef, () =>
        deps.destinations.table(tableRef, job.signal),
      );
      const name = params.name ?? file.name;
      const finishedEvent = table.isFileIndex
        ? await sendRawFile(file, name, tableRef, datasetRef, deps, job)
        : await sendUpload(file, name, tableRef, datasetRef, params, deps, job, registered);
      await deps.files.release(params.source);
      if (finishedEvent) deps.finished(finishedEvent);
      return undefined;
    },
    async cleanup() {
      const { upload, table } = registered;
      registered = {};
      if (upload) await deps.records.remove(upload.tableRef, upload.name).catch(() => undefined);
      if (table) await deps.records.removeTable(table).catch(() => undefined);
    },
  };
}

async function resolveTable(
  params: StartUpload,
  deps: UploadJobDeps,
  job: JobContext,
  registered: Registered,
): Promise<{ tableRef: string; datasetRef: string }> {
  job.progress({ phase: 'Preparing' });
  if (params.into.kind === 'table') {
    const parts = tableRefParts(params.into.tableRef);
    await deps.destinations.requireNextVersion(parts.datasetRef, job.signal);
    // Uploads only go into the unreleased version, whatever version the reference named.
    return { tableRef: nextTableRef(parts.datasetRef, parts.tableName), datasetRef: parts.datasetRef };
  }
  const { datasetRef, tableName, isFileIndex } = params.into;
  await deps.destinations.requireNextVersion(datasetRef, job.signal);
  const tableRef = nextTableRef(datasetRef, tableName);
  const existing = await deps.destinations.table(tableRef, job.signal).catch((error: unknown) => {
    if (error instanceof AppFailure && error.appError.code === 'not_found') return undefined;
    throw error;
  });
  if (!existing) {
    const created = await withReleaseCheck(deps, datasetRef, () =>
      deps.records.createTable(datasetRef, { name: tableName, isFileIndex }, job.signal),
    );
    registered.table = nextTableRef(datasetRef, created.name);
    return { tableRef: registered.table, datasetRef };
  }
  return { tableRef, datasetRef };
}

async function sendBytes(
  file: LocalFile,
  tableRef: string,
  datasetRef: string,
  deps: UploadJobDeps,
  job: JobContext,
): Promise<string> {
  const resumable = file.size >= deps.settings.resumableThreshold;
  const temp = await withReleaseCheck(deps, datasetRef, () =>
    deps.records.createTempUpload(tableRef, file, resumable, job.signal),
  );
  job.progress({ phase: 'Sending', bytesDone: 0, bytesTotal: file.size });
  await transferFile(file, temp.url, {
    settings: deps.settings,
    signal: job.signal,
    headers: await deps.uploadHeaders(temp.url),
    onProgress: (bytesDone) => job.progress({ bytesDone }),
    checkFile: () => assertUnchanged(file),
  });
  await assertUnchanged(file);
  return temp.id;
}

async function sendUpload(
  file: LocalFile,
  wantedName: string,
  tableRef: string,
  datasetRef: string,
  params: StartUpload,
  deps: UploadJobDeps,
  job: JobContext,
  registered: Registered,
): Promise<Omit<UploadFinished, 'jobId'> | undefined> {
  const type = uploadTypeOf(file.name);
  if (!type) {
    fail('bad_input', `${file.name} is not a data file Redivis can import into a table.`, {
      detail:
        'Supported: CSV/TSV and other delimited text, NDJSON, Parquet, Arrow, Avro, ORC, Excel, Stata, SAS, SPSS, GeoJSON, KML, shapefiles. Other files go into a file index table.',
    });
  }
  let name = wantedName;
  if (await deps.records.exists(tableRef, name, job.signal)) {
    if (params.onConflict === 'skip') {
      job.progress({ phase: `Skipped: ${name} is already on this table` });
      return { tableRef, name, status: 'skipped' };
    }
    if (params.onConflict === 'fail') {
      fail('conflict', `An upload named ${name} already exists on this table.`, {
        detail: 'Choose to replace it, keep both under a new name, or skip the file.',
      });
    }
    if (params.onConflict === 'replace') await deps.records.remove(tableRef, name);
    else name = await deps.records.freeName(tableRef, name, job.signal);
  }
  const tempUploadId = await sendBytes(file, tableRef, datasetRef, deps, job);
  job.progress({ phase: 'Processing on the server' });
  await withReleaseCheck(deps, datasetRef, () =>
    deps.records.create(
      tableRef,
      { name, type, tempUploadId, options: params.options ?? defaultOptions },
      job.signal,
    ),
  );
  registered.upload = { tableRef, name };
  const done = await deps.records.waitUntilProcessed(
    tableRef,
    name,
    deps.settings.pollIntervalMs,
    job.signal,
    (upload: UploadJson) => job.progress({ phase: phaseOf(upload) }),
  );
  const table = await deps.destinations.table(tableRef, job.signal).catch(() => undefined);
  const bad = done.badRecordsCount ?? 0;
  const rows = done.numRows ?? 0;
  job.progress({
    rowsDone: rows,
    rowsTotal: done.numRows,
    phase: `Imported ${plural(rows, 'row')}${bad ? `, skipped ${plural(bad, 'bad record')}` : ''}`,
  });
  // The upload is complete: it is no longer ours to remove.
  registered.upload = undefined;
  registered.table = undefined;
  return {
    tableRef,
    name,
    status: 'completed',
    numRows: done.numRows,
    badRecordsCount: done.badRecordsCount,
    tableNumRows: table?.numRows,
  };
}

async function sendRawFile(
  file: LocalFile,
  name: string,
  tableRef: string,
  datasetRef: string,
  deps: UploadJobDeps,
  job: JobContext,
): Promise<Omit<UploadFinished, 'jobId'>> {
  const tempUploadId = await sendBytes(file, tableRef, datasetRef, deps, job);
  job.progress({ phase: 'Adding the file' });
  await withReleaseCheck(deps, datasetRef, () =>
    deps.records.addRawFile(tableRef, name, tempUploadId, job.signal),
  );
  job.progress({ phase: 'File added' });
  return { tableRef, name, status: 'completed' };
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

function phaseOf(upload: UploadJson): string {
  return upload.status === 'queued' ? 'Waiting for the server' : 'Processing on the server';
}

/**
 * Requests into `:next` fail with a confusing 404/400 when someone released the version
 * meanwhile; say that instead.
 */
async function withReleaseCheck<T>(
  deps: UploadJobDeps,
  datasetRef: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const code = error instanceof AppFailure ? error.appError.code : undefined;
    if (code === 'not_found' || code === 'invalid_request' || code === 'forbidden') {
      await deps.destinations.requireNextVersion(datasetRef);
    }
    throw error;
  }
}
