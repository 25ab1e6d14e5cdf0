import type { ExportRequest } from '../../../shared/contract/exportModel';
import { exportRequestSchema } from '../../../shared/contract/exportModel';
import { queryIdOf } from '../../../shared/contract/rowSource';
import type { JobSpec } from '../jobs/jobQueue';
import type { RedivisApiClient } from '../redivis/apiClient';
import { formatInfo, isLocalFormat } from './exportFormats';
import { exportOnServer } from './server/serverExport';
import { downloadOnThread } from './download/downloadThread';

/**
 * An export as a job: made here from read streams (local formats, on a thread of their own)
 * or by Redivis (server formats); either way the user asked for an export, and the panel calls
 * it one. The spec
 * is kept by the queue, so "retry" runs the same request again from scratch; partial output is
 * removed by the engine itself whenever a run ends without success.
 */
export function exportJobSpec(api: RedivisApiClient, input: ExportRequest, target: string): JobSpec {
  const request = exportRequestSchema.parse(input);
  const format = request.format;
  return {
    kind: 'export',
    title: request.title,
    async run({ signal, progress }) {
      const common = {
        api,
        tableRef: request.tableRef,
        target,
        overwrite: request.overwrite,
        selectedVariables: request.selectedVariables,
        maxRows: request.maxRows,
        signal,
        progress,
      };
      if (isLocalFormat(format)) {
        // Parallel streams interleave their rows; one stream keeps a sorted view's order, and a
        // query result's (its ORDER BY is part of what the user asked for).
        const keepOrder = request.keepRowOrder || queryIdOf(request.tableRef) !== undefined;
        const ordered = keepOrder ? { parallelStreams: 1, streamCount: 1 } : {};
        return (await downloadOnThread({ ...common, ...ordered, format })).path;
      }
      return (
        await exportOnServer({
          ...common,
          format: formatInfo[format],
          replacePartsFolder: request.replacePartsFolder,
        })
      ).path;
    },
  };
}
