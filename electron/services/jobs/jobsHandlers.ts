import { fail } from '../../../shared/contract/errors';
import { checkFileName, ExportDestinations } from '../exports/placement/exportDestinations';
import { queryIdOf } from '../../../shared/contract/rowSource';
import { formatInfo, isLocalFormat } from '../exports/exportFormats';
import { exportJobSpec } from '../exports/exportJob';
import { assertTargetFree } from '../exports/placement/outputPlacement';
import { prepareDownload } from '../exports/download/downloadThread';
import { describeTableForExport } from '../exports/download/tableDescription';
import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';
import { AppSettingsStore } from '../settings/appSettings';
import { usableFolder } from '../settings/usableFolder';

export function createJobsHandlers(context: ServiceContext): ChannelHandlers['jobs'] {
  const { jobs, ports, events, api } = context;
  const destinations = new ExportDestinations();
  const settings = new AppSettingsStore(context.settings);
  // The settings' folder, checked again now: it may have been removed since it was chosen.
  const defaultExportFolder = async (): Promise<string | undefined> => {
    const folder = settings.get().exportFolder;
    return folder ? usableFolder(folder).catch(() => undefined) : undefined;
  };
  // The taskbar/dock shows the combined progress of everything running.
  jobs.subscribe(() => ports.setTaskbarProgress(jobs.overallProgress()));
  const outputOf = (id: string): string => {
    const job = jobs.get(id);
    if (job.status !== 'succeeded' || !job.output)
      fail('invalid_request', 'This job has no finished output yet.');
    return job.output;
  };
  return {
    list: () => jobs.list(),
    cancel: ({ id }) => jobs.cancel(id),
    retry: ({ id }) => {
      const job = jobs.retry(id);
      events.emit('jobs.removed', { id });
      return job;
    },
    dismiss: ({ id }) => {
      jobs.dismiss(id);
      events.emit('jobs.removed', { id });
    },
    open: async ({ id }) => ports.openPath(outputOf(id)),
    showInFolder: ({ id }) => ports.showItemInFolder(outputOf(id)),
    describeExport: ({ tableRef }) => describeTableForExport(api, tableRef),
    chooseExportPath: async ({ defaultName, format, directory }) => {
      const info = formatInfo[format];
      const path = await ports.chooseSavePath({
        // A suggested name is only ever a plain name: it must not pick the folder.
        defaultName: checkFileName(defaultName),
        // A folder the page names is refused with a specific reason unless it is usable.
        defaultDirectory: directory ? await usableFolder(directory) : await defaultExportFolder(),
        filters: [{ name: info.label, extensions: [info.extension] }],
      });
      if (!path) return null;
      return destinations.check(destinations.approve(path));
    },
    checkExportPath: (destination) => destinations.check(destination),
    prepareExport: ({ format }) => {
      // Not awaited: the download thread and its writers load while the user picks a folder; an
      // export takes them when ready.
      if (isLocalFormat(format)) void prepareDownload(format);
    },
    startExport: async (request) => {
      if (queryIdOf(request.tableRef) && !isLocalFormat(request.format)) {
        fail(
          'bad_input',
          'Redivis makes this format for tables only; export a query result as Arrow, Parquet, CSV or NDJSON.',
        );
      }
      const target = destinations.resolve(request.destination);
      // Fail now, not in the queue, when the user has not agreed to replace what is there.
      await assertTargetFree(target, request.overwrite, 'file');
      return jobs.start(exportJobSpec(api, request, target));
    },
  };
}
