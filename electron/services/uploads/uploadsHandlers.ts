import type { ChannelHandlers } from '../host/handlers';
import { AppFailure } from '../../../shared/contract/errors';
import type { ServiceContext } from '../serviceContext';
import { readOnlySignInError } from '../session/readOnlySignIn';
import { Destinations } from './destinations';
import { inspectFiles } from './inspectFiles';
import { nextTableRef, tableRefParts } from '../../../shared/contract/catalogReference';
import { defaultTransferSettings, type TransferSettings } from './transferSettings';
import { uploadJobSpec } from './uploadJob';
import { uploadHeadersFor } from './uploadAuth';
import { UploadRecords } from './uploadRecords';

/** Implements the uploads channels; uploads themselves run as jobs in the shared job queue. */
export function createUploadsHandlers(
  context: ServiceContext,
  overrides: { settings?: Partial<TransferSettings> } = {},
): ChannelHandlers['uploads'] {
  const settings = { ...defaultTransferSettings, ...overrides.settings };
  const files = context.localFiles;
  const destinations = new Destinations(context.api);
  const records = new UploadRecords(context.api);
  const uploadHeaders = async (url: string) =>
    uploadHeadersFor(context.api.baseUrl(), url, await context.session.accessToken());
  return {
    inspect: ({ sources }) => inspectFiles(sources, files),
    destination: async ({ ref, kind }) => {
      const destination = await destinations.describe(ref, kind);
      return { ...destination, readOnlySignIn: !destination.canEdit && context.session.readOnly() };
    },
    editableDatasets: () => {
      if (context.session.readOnly()) throw new AppFailure(readOnlySignInError('it cannot upload'));
      return destinations.editable();
    },
    createNextVersion: ({ datasetRef }) => destinations.createNextVersion(datasetRef),
    release: ({ datasetRef, releaseNotes }) => destinations.release(datasetRef, releaseNotes),
    unrelease: ({ datasetRef }) => destinations.unrelease(datasetRef),
    exists: ({ tableRef, name }) => {
      const parts = tableRefParts(tableRef);
      return records.exists(nextTableRef(parts.datasetRef, parts.tableName), name);
    },
    start: (params) => {
      const target =
        params.into.kind === 'table' ? tableRefParts(params.into.tableRef).tableName : params.into.tableName;
      const fileName = params.name ?? files.nameOf(params.source) ?? 'file';
      let jobId = '';
      const job = context.jobs.start(
        uploadJobSpec(params, `Upload ${fileName} to ${target}`, {
          records,
          destinations,
          files,
          settings,
          uploadHeaders,
          finished: (event) => context.events.emit('uploads.finished', { ...event, jobId }),
        }),
      );
      jobId = job.id;
      return job;
    },
  };
}
