import { chmod, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { settingsUpdateSchema } from '../../../shared/contract/settingsChannels';
import { PreviewSettings } from '../preview/previewSettings';
import { AppSettingsStore } from './appSettings';
import { memorySettings } from './settingsStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-settings-'));
});
afterEach(async () => {
  await chmod(join(dir, 'locked'), 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return (error as AppFailure).appError.message;
}

it('starts from the defaults and keeps the row cap where the preview keeps it', async () => {
  const store = memorySettings();
  const settings = new AppSettingsStore(store);
  expect(settings.get()).toEqual({ rowCap: 100_000, theme: 'system', exportFolder: null, concurrentJobs: 3 });
  await settings.update({ rowCap: 500, theme: 'dark', concurrentJobs: 1 });
  expect(new PreviewSettings(store).options().rowCap).toBe(500);
  new PreviewSettings(store).setOptions({ rowCap: 42 });
  expect(settings.get()).toEqual({ rowCap: 42, theme: 'dark', exportFolder: null, concurrentJobs: 1 });
});

it('stores a folder by its real path and refuses unusable ones, each with its own message, changing nothing', async () => {
  const store = memorySettings();
  const settings = new AppSettingsStore(store);
  const real = join(dir, 'real');
  await mkdir(real);
  await symlink(real, join(dir, 'link'));
  await settings.update({ exportFolder: join(dir, 'link') });
  expect(settings.get().exportFolder).toBe(await realpath(real));

  await writeFile(join(dir, 'file.txt'), 'x');
  expect(await refusal(settings.update({ exportFolder: 'relative/folder', theme: 'light' }))).toBe(
    '"relative/folder" is not a full folder path.',
  );
  expect(await refusal(settings.update({ exportFolder: join(dir, 'missing') }))).toBe(
    `The folder "${join(dir, 'missing')}" does not exist.`,
  );
  expect(await refusal(settings.update({ exportFolder: join(dir, 'file.txt') }))).toBe(
    `"${join(dir, 'file.txt')}" is a file, not a folder.`,
  );
  if (process.getuid?.() !== 0) {
    await mkdir(join(dir, 'locked'));
    await chmod(join(dir, 'locked'), 0o555);
    expect(await refusal(settings.update({ exportFolder: join(dir, 'locked') }))).toBe(
      `The folder "${join(dir, 'locked')}" cannot be written to.`,
    );
  }
  // Nothing of a refused change was kept (the theme came with a bad folder).
  expect(settings.get()).toMatchObject({ theme: 'system', exportFolder: await realpath(real) });

  await settings.update({ exportFolder: null });
  expect(settings.get().exportFolder).toBeNull();
});

it('the channel schema refuses out-of-range and unknown settings with plain messages', () => {
  const messages = (value: unknown) => {
    const parsed = settingsUpdateSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  };
  expect(messages({ concurrentJobs: 9 })).toEqual(['Concurrent jobs must be from 1 to 8.']);
  expect(messages({ concurrentJobs: 0 })).toEqual(['Concurrent jobs must be from 1 to 8.']);
  expect(messages({ rowCap: 1.5 })).toEqual(['The row cap must be a whole number.']);
  expect(messages({ rowCap: null })).toEqual(['The row cap must be a number.']);
  expect(messages({ theme: 'blue' })).toEqual(['Theme must be system, light or dark.']);
  expect(messages({ colour: 'red' })).toHaveLength(1);
  expect(messages({ rowCap: 500, theme: 'dark', concurrentJobs: 8, exportFolder: null })).toEqual([]);
});
