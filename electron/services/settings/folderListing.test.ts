import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { listFolders } from './folderListing';

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'rd-folders-')));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('lists subfolders by name (links to folders too), never files, hidden ones only when asked', async () => {
  for (const name of ['b', 'A', '.hidden', 'c10', 'c9']) await mkdir(join(dir, name));
  await writeFile(join(dir, 'file.csv'), 'x');
  await symlink(join(dir, 'b'), join(dir, 'to-b'));
  await symlink(join(dir, 'file.csv'), join(dir, 'to-file'));
  expect(await listFolders(dir, false)).toEqual({
    path: dir,
    parent: join(dir, '..'),
    folders: ['A', 'b', 'c9', 'c10', 'to-b'],
  });
  expect((await listFolders(dir, true)).folders).toEqual(['.hidden', 'A', 'b', 'c9', 'c10', 'to-b']);
  expect((await listFolders(join(dir, 'to-b'), false)).path).toBe(join(dir, 'b'));
});

it('starts at the home folder, stops at the top, and refuses what is not a folder by name', async () => {
  expect((await listFolders(undefined, false)).path).toBe(await realpath(homedir()));
  expect((await listFolders('/', false)).parent).toBeNull();
  await writeFile(join(dir, 'file.csv'), 'x');
  const message = (path: string) =>
    listFolders(path, false).then(
      () => '',
      (error: AppFailure) => error.appError.message,
    );
  expect(await message('relative')).toBe('"relative" is not a full folder path.');
  expect(await message(join(dir, 'missing'))).toBe(`The folder "${join(dir, 'missing')}" does not exist.`);
  expect(await message(join(dir, 'file.csv'))).toBe(`"${join(dir, 'file.csv')}" is a file, not a folder.`);
  await expect(listFolders('relative', false)).rejects.toBeInstanceOf(AppFailure);
});
