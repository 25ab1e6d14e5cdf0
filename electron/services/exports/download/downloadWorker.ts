import { AppFailure, appError } from '../../../../shared/contract/errors';
import { RedivisApiClient } from '../../redivis/apiClient';
import { serveExportThread } from '../threads/exportThread';
import { prepareTableWriter } from '../writers/openTableWriter';
import {
  toThreadError,
  type DownloadSetup,
  type DownloadThreadPlan,
  type FromDownload,
  type ToDownload,
} from './downloadMessages';
import { downloadTable } from './tableDownload';
import { ThreadTokens } from './threadTokens';

/**
 * Runs one download (downloadTable) off the main thread: reading eight sockets, cutting Arrow
 * messages and handing batches to the writers took turns of 10–40 ms on the main thread, which in
 * the desktop app also answers the windows. Before it is taken, the thread starts its format's
 * writer threads (the variant it was started as), so they are loaded by the time the export
 * starts. It keeps the app's priority: the writer threads it feeds are the ones that give way.
 */
serveExportThread(
  (setup: DownloadSetup, port) => {
    const post = (message: FromDownload) => port.postMessage(message);
    const tokens = new ThreadTokens(port);
    const controller = new AbortController();
    const api = new RedivisApiClient({
      baseUrl: () => setup.client.baseUrl,
      maxAttempts: setup.client.maxAttempts,
      userAgent: setup.client.userAgent,
      tokens,
      onWarning: (message, about) => post({ type: 'warning', message, about }),
    });
    downloadTable({
      ...setup.request,
      api,
      signal: controller.signal,
      progress: (update) => post({ type: 'progress', update }),
    }).then(
      (result) => post({ type: 'done', result }),
      (error: unknown) => post({ type: 'failed', error: toThreadError(error) }),
    );
    return (message: ToDownload) => {
      if (message.type === 'token') tokens.answer(message);
      else controller.abort(new AppFailure(appError('cancelled', 'Cancelled.')));
    };
  },
  async (variant) => {
    if (!variant) return;
    const plan = JSON.parse(variant) as DownloadThreadPlan;
    await prepareTableWriter(plan.format, plan);
  },
  { lowerPriority: false },
);
