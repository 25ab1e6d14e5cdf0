import { basename, join, resolve } from 'node:path';
import { fail } from '../../../../shared/contract/errors';
import type { ExportDestination, ExportPathCheck } from '../../../../shared/contract/exportModel';
import { pathKind } from './outputPlacement';
import { partsFolderFor } from '../server/serverExport';

/**
 * Paths never come from the renderer unchecked: a folder is usable only after the save
 * dialog returned it in this run, and the (editable) file name must be a plain name, so a
 * crafted request cannot write outside the folder the user chose.
 */
export class ExportDestinations {
  private readonly approved = new Set<string>();

  /** Records the dialog's answer and splits it into folder and name. */
  approve(path: string): ExportDestination {
    const full = resolve(path);
    const directory = resolve(full, '..');
    this.approved.add(directory);
    return { directory, fileName: basename(full) };
  }

  /** The full path of a destination, or a clear error when it is not allowed. */
  resolve(destination: ExportDestination): string {
    const directory = resolve(destination.directory);
    if (!this.approved.has(directory)) {
      fail('invalid_request', 'Choose where to save the file first.', {
        detail: `${directory} was not chosen in the save dialog.`,
      });
    }
    return join(directory, checkFileName(destination.fileName));
  }

  /** What is already there: at the file's name, and at the folder a multi-part export takes. */
  async check(destination: ExportDestination): Promise<ExportPathCheck> {
    const target = this.resolve(destination);
    return {
      ...destination,
      exists: (await pathKind(target)) !== undefined,
      partsFolderExists: (await pathKind(partsFolderFor(target))) !== undefined,
    };
  }
}

/** A plain file name: no folders, no parent references, nothing the file system treats specially. */
export function checkFileName(name: string): string {
  const trimmed = name.trim();
  const invalid =
    trimmed === '' ||
    trimmed === '.' ||
    trimmed === '..' ||
    /[/\\\0]/.test(trimmed) ||
    // Characters Windows refuses in names (the same rules everywhere keeps names portable).
    /[<>:"|?*]/.test(trimmed) ||
    [...trimmed].some((c) => c.charCodeAt(0) < 32) ||
    trimmed.endsWith('.partial');
  if (invalid) {
    fail('bad_input', `"${name}" cannot be used as a file name.`, {
      detail: 'Use a plain name without slashes or the characters < > : " | ? *.',
    });
  }
  return trimmed;
}
