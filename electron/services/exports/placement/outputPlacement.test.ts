import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/contract/errors';
import { moveIntoPlace } from './outputPlacement';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-place-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function userFolder(): Promise<string> {
  const folder = join(dir, 'measurements');
  await mkdir(folder);
  await writeFile(join(folder, 'notes.txt'), 'mine');
  return folder;
}

it('replaces a folder only with consent, and leaves nothing aside afterwards', async () => {
  const folder = await userFolder();
  const temporary = join(dir, '.new.partial');
  await mkdir(temporary);
  await writeFile(join(temporary, '000000.csv'), 'a\n');
  const refused = await moveIntoPlace(temporary, folder, false, 'directory').catch((e: unknown) => e);
  expect((refused as AppFailure).appError.code).toBe('conflict');
  expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('mine');

  await moveIntoPlace(temporary, folder, true, 'directory');
  expect(await readdir(folder)).toEqual(['000000.csv']);
  expect(await readdir(dir)).toEqual(['measurements']);
});

it('puts the old folder back when the new one cannot be moved into place', async () => {
  const folder = await userFolder();
  const missing = join(dir, '.gone.partial');
  const error = await moveIntoPlace(missing, folder, true, 'directory').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppFailure);
  expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
  expect(await readdir(dir)).toEqual(['measurements']);
});
