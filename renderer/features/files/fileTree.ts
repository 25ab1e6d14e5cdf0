import type { FileEntry } from '../../../shared/contract/filesModel';

/** A folder of a file-index table: a prefix of file names up to a `/`. */
export interface FolderNode {
  name: string;
  /** Full path without a trailing slash ('' for the top). */
  path: string;
  folders: FolderNode[];
  /** Files directly in this folder. */
  files: FileEntry[];
  /** Files in it and every folder below, and their bytes. */
  fileCount: number;
  size: number;
}

/** Splits a name into folders and the file's own name; empty parts (`a//b`, `/a`) are ignored. */
export function nameParts(name: string): { folders: string[]; base: string } {
  const parts = name.split('/').filter((p) => p !== '');
  const base = parts.pop() ?? name;
  return { folders: parts, base };
}

/** The folder tree of a table's files, folders and files each sorted by name. */
export function buildTree(files: readonly FileEntry[]): FolderNode {
  const root: FolderNode = { name: '', path: '', folders: [], files: [], fileCount: 0, size: 0 };
  const byPath = new Map<string, FolderNode>([['', root]]);
  for (const file of files) {
    const { folders } = nameParts(file.name);
    let node = root;
    node.fileCount += 1;
    node.size += file.size;
    let path = '';
    for (const folder of folders) {
      path = path ? `${path}/${folder}` : folder;
      let child = byPath.get(path);
      if (!child) {
        child = { name: folder, path, folders: [], files: [], fileCount: 0, size: 0 };
        byPath.set(path, child);
        node.folders.push(child);
      }
      node = child;
      node.fileCount += 1;
      node.size += file.size;
    }
    node.files.push(file);
  }
  const sort = (node: FolderNode) => {
    node.folders.sort((a, b) => a.name.localeCompare(b.name));
    node.files.sort((a, b) => a.name.localeCompare(b.name));
    node.folders.forEach(sort);
  };
  sort(root);
  return root;
}

/** The folder at `path`, or undefined when there is none (the listing changed). */
export function folderAt(root: FolderNode, path: string): FolderNode | undefined {
  if (path === '') return root;
  let node: FolderNode | undefined = root;
  for (const part of path.split('/')) {
    node = node?.folders.find((f) => f.name === part);
    if (!node) return undefined;
  }
  return node;
}

/**
 * Files whose name matches every word of the query (case-insensitive, anywhere in the full
 * name, so a folder's name finds its files), within `under` ('' = the whole table).
 */
export function searchFiles(files: readonly FileEntry[], query: string, under = ''): FileEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const prefix = under ? `${under}/` : '';
  return files
    .filter((f) => f.name.startsWith(prefix))
    .filter((f) => {
      const name = f.name.toLowerCase();
      return words.every((w) => name.includes(w));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
