import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../shared/contract/filesModel';
import { buildTree, folderAt, searchFiles } from './fileTree';

const file = (name: string, size = 1): FileEntry => ({
  id: name,
  name,
  size,
  md5: null,
  addedAt: null,
  contentType: 'text/plain',
  extra: {},
});

const files = [
  file('README.txt', 10),
  file('data/b.csv', 5),
  file('data/a.csv', 7),
  file('data/readings/2024-01.csv', 3),
  file('images/x.png', 100),
  file('/odd//name.txt', 1),
];

describe('file tree', () => {
  it('builds folders from names, sorted, with counts and sizes including subfolders', () => {
    const root = buildTree(files);
    expect(root.fileCount).toBe(6);
    expect(root.size).toBe(126);
    expect(root.folders.map((f) => f.name)).toEqual(['data', 'images', 'odd']);
    expect(root.files.map((f) => f.name)).toEqual(['README.txt']);
    const data = folderAt(root, 'data')!;
    expect(data.files.map((f) => f.name)).toEqual(['data/a.csv', 'data/b.csv']);
    expect(data.fileCount).toBe(3);
    expect(data.size).toBe(15);
    expect(folderAt(root, 'data/readings')!.files.map((f) => f.name)).toEqual(['data/readings/2024-01.csv']);
    expect(folderAt(root, 'odd')!.files.map((f) => f.name)).toEqual(['/odd//name.txt']);
    expect(folderAt(root, 'nothing')).toBeUndefined();
  });

  it('finds files by every word of a query, anywhere in the name, within a folder', () => {
    expect(searchFiles(files, 'CSV').map((f) => f.name)).toEqual([
      'data/a.csv',
      'data/b.csv',
      'data/readings/2024-01.csv',
    ]);
    expect(searchFiles(files, 'readings 01').map((f) => f.name)).toEqual(['data/readings/2024-01.csv']);
    expect(searchFiles(files, 'png', 'data')).toEqual([]);
    expect(searchFiles(files, '')).toHaveLength(6);
  });
});
