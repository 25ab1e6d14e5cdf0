import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fail } from '../../../shared/contract/errors';

/**
 * A folder the page named (typed, picked in the app's folder browser, or stored in settings),
 * checked before anything is written there: it must be a full path to an existing folder this
 * user can write to. Returns the folder with links resolved, so approvals and comparisons
 * name the real place.
 */
export async function usableFolder(path: string): Promise<string> {
  const typed = path.trim();
  if (!isAbsolute(typed)) {
    fail('bad_input', `"${typed}" is not a full folder path.`, {
      detail: 'Start it at the top of the file system (for example /home/you/data or C:\\Users\\you\\data).',
    });
  }
  let real: string;
  try {
    real = await realpath(typed);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') fail('bad_input', `The folder "${typed}" does not exist.`);
    if (code === 'EACCES' || code === 'EPERM') fail('bad_input', `The folder "${typed}" cannot be opened.`);
    throw error;
  }
  if (!(await stat(real)).isDirectory()) fail('bad_input', `"${typed}" is a file, not a folder.`);
  try {
    await access(real, constants.W_OK);
  } catch {
    fail('bad_input', `The folder "${typed}" cannot be written to.`, {
      detail: 'Choose a folder you have permission to save files in.',
    });
  }
  return real;
}
