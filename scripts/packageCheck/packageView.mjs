// A read-only view of a packaged app: the files of an app.asar (and of its app.asar.unpacked
// folder), or of a plain folder laid out the same way. Paths are relative, with forward slashes.
import asar from '@electron/asar';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ size: number, unpacked: boolean }} PackagedFile
 * @typedef {{ label: string, files: Map<string, PackagedFile>, read(path: string): Buffer,
 *   missingUnpacked: string[] }} PackageView
 */

/** Opens an app.asar: lists its header, and reads files from the archive or the unpacked folder. */
export function openAsar(asarPath) {
  const unpackedDir = `${asarPath}.unpacked`;
  const files = new Map();
  const missingUnpacked = [];
  const { header } = asar.getRawHeader(asarPath);
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if ('files' in entry) walk(entry, path);
      else if ('link' in entry) continue;
      else {
        const unpacked = Boolean(entry.unpacked);
        files.set(path, { size: Number(entry.size ?? 0), unpacked });
        if (unpacked && !existsSync(join(unpackedDir, path))) missingUnpacked.push(path);
      }
    }
  };
  walk(header, '');
  return {
    label: asarPath,
    files,
    missingUnpacked,
    read(path) {
      const file = files.get(path);
      if (!file) throw new Error(`${path} is not in ${asarPath}`);
      return file.unpacked ? readFileSync(join(unpackedDir, path)) : asar.extractFile(asarPath, path);
    },
  };
}

/** Opens a folder laid out like an unpacked app (used by the tests). */
export function openFolder(dir) {
  const files = new Map();
  const walk = (sub) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(path, { size: statSync(join(dir, path)).size, unpacked: false });
    }
  };
  walk('');
  return { label: dir, files, missingUnpacked: [], read: (path) => readFileSync(join(dir, path)) };
}
