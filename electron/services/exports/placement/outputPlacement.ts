import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail } from '../../../../shared/contract/errors';
import { asFileFailure, fileFailure } from './fileFailure';

/**
 * Output is built under a hidden temporary name in the target's own folder (same file
 * system, so the final rename is atomic) and moved into place only when complete and checked.
 * A crash leaves at most a `.…partial` file, never a truncated file under the real name.
 */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
}

export async function pathKind(path: string): Promise<'file' | 'directory' | 'other' | undefined> {
  try {
    const stats = await lstat(path);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Refuses to start when the target's folder is gone or not writable, or when something is
 * already at the target and the user did not agree to replace it. Checked before anything is
 * asked of the server, and again when a job is retried.
 */
export async function assertTargetFree(
  target: string,
  overwrite: boolean,
  kind: 'file' | 'directory',
): Promise<void> {
  await assertFolderWritable(dirname(target));
  const existing = await pathKind(target);
  if (!existing) return;
  const name = basename(target);
  if (!overwrite) {
    fail('conflict', `"${name}" already exists.`, {
      detail: `${target} exists; choose another name or agree to replace it.`,
    });
  }
  if (existing !== kind) {
    fail(
      'conflict',
      `"${name}" is a ${existing === 'directory' ? 'folder' : 'different kind of item'}; it was not replaced.`,
      {
        detail: target,
      },
    );
  }
}

/**
 * Moves the finished temporary output to the target, replacing what is there only with
 * consent. A file is replaced by one atomic rename. A folder cannot be, so the old one is
 * first renamed aside and removed only once the new one is in place; if the swap fails the
 * old folder is put back, so a failure never loses what the user had.
 */
export async function moveIntoPlace(
  temporary: string,
  target: string,
  overwrite: boolean,
  kind: 'file' | 'directory',
): Promise<void> {
  await assertTargetFree(target, overwrite, kind);
  const aside =
    kind === 'directory' && (await pathKind(target)) === 'directory' ? asidePathFor(target) : null;
  try {
    if (aside) await rename(target, aside);
    try {
      await rename(temporary, target);
    } catch (error) {
      if (aside) await rename(aside, target).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    const known = asFileFailure(error, dirname(target));
    if (known !== error) throw known;
    fail('io', 'The finished file could not be moved into place.', {
      detail: error instanceof Error ? error.message : String(error),
      action: 'retry',
    });
  }
  if (aside) await removeQuietly(aside);
}

function asidePathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.replaced`);
}

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true }).catch(() => undefined);
}

async function assertFolderWritable(folder: string): Promise<void> {
  try {
    // stat, not lstat: a chosen folder may be a link to one.
    if (!(await stat(folder)).isDirectory()) throw fileFailure('ENOTDIR', folder, folder);
    await access(folder, constants.W_OK);
  } catch (error) {
    throw asFileFailure(error, folder);
  }
}
