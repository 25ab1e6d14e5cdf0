import { AppFailure, appError, type AppError } from '../../../../shared/contract/errors';
import type { JobProgress } from '../../jobs/jobQueue';
import type { ThreadClientSettings } from '../../redivis/apiClient';
import type { LocalFormat } from '../exportFormats';
import type { TableDownloadOptions, TableDownloadResult } from './tableDownload';

/** A download as a thread is told it: everything but the client, the signal and the progress sink. */
export type DownloadRequest = Omit<TableDownloadOptions, 'api' | 'signal' | 'progress'>;

/** What a download thread prepares before it is taken: its format's writer threads. */
export interface DownloadThreadPlan {
  format: LocalFormat;
  formatters?: number;
  encoders?: number;
}

/** The first message a download thread gets. */
export interface DownloadSetup {
  client: ThreadClientSettings;
  request: DownloadRequest;
}

/** An error as it crosses between threads: an AppFailure keeps its AppError, anything else its words. */
export interface ThreadError {
  appError?: AppError;
  message: string;
  /** A Node error code (ENOSPC, ERR_WORKER_OUT_OF_MEMORY, …), when there is one. */
  code?: string;
}

export type ToDownload =
  { type: 'token'; id: number; value?: string | boolean; error?: ThreadError } | { type: 'cancel' };

export type FromDownload =
  | { type: 'progress'; update: JobProgress }
  /** Asks for the access token, or (`refresh`) for a new one after a 401. */
  | { type: 'token'; id: number; refresh: boolean }
  | { type: 'warning'; message: string; about?: string }
  | { type: 'done'; result: TableDownloadResult }
  | { type: 'failed'; error: ThreadError };

export function toThreadError(error: unknown): ThreadError {
  if (error instanceof AppFailure) return { appError: error.appError, message: error.message };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return {
    message: error instanceof Error ? error.message : String(error),
    code: typeof code === 'string' ? code : undefined,
  };
}

export function fromThreadError(error: ThreadError): Error {
  if (error.appError) return new AppFailure(error.appError);
  const rebuilt: NodeJS.ErrnoException = new Error(error.message);
  if (error.code) rebuilt.code = error.code;
  return rebuilt;
}

/** What the user sees when a download thread ends without saying how its download went. */
export function threadLost(detail: string): AppFailure {
  return new AppFailure(
    appError('internal', 'The download stopped unexpectedly, so the file was not saved.', {
      detail,
      action: 'retry',
    }),
  );
}
