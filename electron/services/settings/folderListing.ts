import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fail } from '../../../shared/contract/errors';
import type { FolderListing } from '../../../shared/contract/settingsChannels';

/** More entries than this in one folder are not listed (the browser is for finding a place, not a file). */
const MAX_FOLDERS = 5_000;

/**
 * The subfolders of `path` (the home folder when none is given), by name: files are never
 * listed, hidden folders (`.name`) only on request, and links count when they lead to a folder.
 * The folder is named by its real path, so Up always goes to the real parent.
 */
export async function listFolders(path: string | undefined, showHidden: boolean): Promise<FolderListing> {
  const typed = path?.trim() || homedir();
  if (!isAbsolute(typed)) fail('bad_input', `"${typed}" is not a full folder path.`);
  let real: string;
  try {
    real = await realpath(typed);
  } catch {
    fail('bad_input', `The folder "${typed}" does not exist.`);
  }
  if (!(await stat(real)).isDirectory()) fail('bad_input', `"${typed}" is a file, not a folder.`);
  let entries;
  try {
    entries = await readdir(real, { withFileTypes: true });
  } catch {
    fail('bad_input', `The folder "${typed}" cannot be opened.`);
  }
  const folders: string[] = [];
  for (const entry of entries) {
    if (!showHidden && entry.name.startsWith('.')) continue;
    const isFolder =
      entry.isDirectory() ||
      (entry.isSymbolicLink() &&
        (await stat(join(real, entry.name)).then(
          (s) => s.isDirectory(),
          () => false,
        )));
    if (isFolder) folders.push(entry.name);
    if (folders.length >= MAX_FOLDERS) break;
  }
  folders.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
  const parent = dirname(real);
  return { path: real, parent: parent === real ? null : parent, folders };
}
