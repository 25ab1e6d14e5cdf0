import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/contract/errors';
import { ExportDestinations, checkFileName } from './exportDestinations';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-dest-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof AppFailure ? error.appError.code : 'not-an-app-failure';
  }
};

it('only accepts folders the save dialog returned', () => {
  const destinations = new ExportDestinations();
  expect(codeOf(() => destinations.resolve({ directory: dir, fileName: 'a.csv' }))).toBe('invalid_request');
  const chosen = destinations.approve(join(dir, 'iris.csv'));
  expect(chosen).toEqual({ directory: dir, fileName: 'iris.csv' });
  expect(destinations.resolve({ directory: dir, fileName: 'renamed.csv' })).toBe(join(dir, 'renamed.csv'));
  expect(codeOf(() => destinations.resolve({ directory: join(dir, '..'), fileName: 'x.csv' }))).toBe(
    'invalid_request',
  );
});

it('refuses names that leave the folder or that the file system treats specially', () => {
  for (const name of ['../x.csv', 'a/b.csv', 'a\\b.csv', '..', '.', '', '  ', 'x.partial', 'a:b', 'nul\0l']) {
    expect(codeOf(() => checkFileName(name))).toBe('bad_input');
  }
  expect(checkFileName(' Iris species (v2).csv ')).toBe('Iris species (v2).csv');
});

it('reports whether something already exists at a destination, and at its parts folder', async () => {
  const destinations = new ExportDestinations();
  destinations.approve(join(dir, 'x.csv'));
  const here = { directory: dir, fileName: 'here.csv' };
  expect(await destinations.check(here)).toMatchObject({ exists: false, partsFolderExists: false });
  await writeFile(join(dir, 'here.csv'), 'x');
  expect(await destinations.check(here)).toMatchObject({ exists: true, partsFolderExists: false });
  await mkdir(join(dir, 'here'));
  expect(await destinations.check(here)).toMatchObject({ exists: true, partsFolderExists: true });
});
