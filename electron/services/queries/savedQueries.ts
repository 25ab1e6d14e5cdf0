import { mkdir, readdir, readFile, stat, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fail } from '../../../shared/contract/errors';
import type { SavedQuery } from '../../../shared/contract/queryModel';
import { checkFileName } from '../exports/placement/exportDestinations';

const MAX_BYTES = 1024 * 1024;

/**
 * Saved queries are plain `.sql` files in one folder the user can open and edit with anything.
 * Names are plain file names inside that folder (the contract allows nothing else).
 */
export class SavedQueries {
  constructor(readonly folder: string) {}

  async list(): Promise<SavedQuery[]> {
    await mkdir(this.folder, { recursive: true });
    const names = (await readdir(this.folder)).filter((name) => /\.sql$/i.test(name));
    const files = await Promise.all(
      names.map(async (fileName) => {
        const info = await stat(join(this.folder, fileName)).catch(() => undefined);
        return info?.isFile() ? { fileName, modifiedAt: info.mtimeMs, size: info.size } : undefined;
      }),
    );
    return files.filter((f): f is SavedQuery => f !== undefined).sort((a, b) => b.modifiedAt - a.modifiedAt);
  }

  async save(fileName: string, sql: string, overwrite: boolean): Promise<SavedQuery> {
    const path = this.pathOf(fileName);
    await mkdir(this.folder, { recursive: true });
    const existing = await stat(path).catch(() => undefined);
    if (existing && !overwrite) {
      fail('conflict', `"${fileName}" already exists.`, {
        detail: 'Save under another name, or agree to replace it.',
      });
    }
    const temporary = join(this.folder, `.${fileName}.${process.pid}.partial`);
    await writeFile(temporary, sql);
    await rename(temporary, path);
    const info = await stat(path);
    return { fileName, modifiedAt: info.mtimeMs, size: info.size };
  }

  async open(fileName: string): Promise<string> {
    const path = this.pathOf(fileName);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) fail('not_found', `"${fileName}" is not in the queries folder.`);
    if (info.size > MAX_BYTES) fail('bad_input', `"${fileName}" is larger than a query can be (1 MB).`);
    const bytes = await readFile(path);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\0')) fail('bad_input', `"${fileName}" is not a text file.`);
    return text;
  }

  private pathOf(fileName: string): string {
    const name = checkFileName(fileName);
    if (!/\.sql$/i.test(name)) fail('bad_input', `"${fileName}" is not a .sql file.`);
    return join(this.folder, name);
  }
}
