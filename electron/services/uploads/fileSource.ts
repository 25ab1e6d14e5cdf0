import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { UploadSource } from '../../../shared/contract/uploadModel';
import { fail } from '../../../shared/contract/errors';
import type { LocalFiles } from './localFiles';

/** A file about to be uploaded, with the size and mtime seen when the upload began. */
export interface LocalFile {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

/** Resolves a source to a readable local file, or fails with a message naming the problem. */
export async function openSource(source: UploadSource, files: LocalFiles): Promise<LocalFile> {
  const { path, name } = await files.resolve(source);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) =>
    fail('io', `${name} cannot be read.`, { detail: error.code ?? error.message }),
  );
  if (info.isDirectory()) fail('bad_input', `${name} is a folder; choose the files inside it.`);
  if (!info.isFile()) fail('bad_input', `${name} is not a regular file.`);
  await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) =>
    fail('io', `${name} cannot be read.`, { detail: error.code ?? error.message }),
  );
  if (info.size === 0) fail('bad_input', `${name} is empty; there is nothing to upload.`);
  return { path, name, size: info.size, mtimeMs: info.mtimeMs };
}

/** Fails when the file was changed since the upload began (its bytes would no longer match). */
export async function assertUnchanged(file: LocalFile): Promise<void> {
  const info = await stat(file.path).catch(() =>
    fail('io', `${file.name} was moved or deleted during the upload.`),
  );
  if (info.size !== file.size || info.mtimeMs !== file.mtimeMs) {
    fail('bad_input', `${file.name} changed while it was being uploaded; upload it again.`, {
      detail: `size ${file.size} → ${info.size}`,
      action: 'retry',
    });
  }
}
