import { AppFailure, appError } from '../../../../shared/contract/errors';

/**
 * File-system errors in words a user can act on. Exports write where the user chose, and that
 * place can change under a running job: a folder deleted, a drive unplugged or full.
 */
const MESSAGES: Record<string, (folder: string) => string> = {
  ENOENT: (folder) => `The folder "${folder}" is not there any more.`,
  ENOTDIR: (folder) => `"${folder}" is not a folder.`,
  EACCES: (folder) => `Redivis Desktop may not write to "${folder}".`,
  EPERM: (folder) => `Redivis Desktop may not write to "${folder}".`,
  EROFS: (folder) => `"${folder}" is on a disk that is read-only.`,
  ENOSPC: (folder) => `The disk holding "${folder}" is full.`,
  EDQUOT: (folder) => `Your disk quota for "${folder}" is used up.`,
  EIO: (folder) => `The disk holding "${folder}" reported an error.`,
};

/** The failure for file-system error `code` (ENOENT, ENOSPC, …) in `folder`, if it is a known one. */
export function fileFailure(code: string, folder: string, detail: string): AppFailure | undefined {
  const message = MESSAGES[code];
  return message ? new AppFailure(appError('io', message(folder), { detail, action: 'retry' })) : undefined;
}

/** An AppFailure for a known file-system error while writing into `folder`; anything else as it was. */
export function asFileFailure(error: unknown, folder: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || error instanceof AppFailure) return error;
  return fileFailure(code, folder, error instanceof Error ? error.message : String(error)) ?? error;
}
