import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fail } from '../../../shared/contract/errors';

/** Staged files older than this are removed when new ones arrive (abandoned drops). */
const STALE_MS = 24 * 60 * 60 * 1000;

export interface StagedFile {
  path: string;
  name: string;
}

/**
 * Browser mode cannot hand the Node side a path for a dropped file, so the page streams the
 * file here first; uploads then read it like any other file. One folder per staging id keeps
 * the original file name (it decides the upload's type) without trusting it as a path.
 */
export class StagingArea {
  constructor(private readonly root: string) {}

  async stage(name: string, body: Readable): Promise<string> {
    const cleanName = safeName(name);
    await this.removeStale();
    const id = randomUUID();
    const folder = join(this.root, id);
    await mkdir(folder, { recursive: true });
    try {
      await pipeline(body, createWriteStream(join(folder, 'data')));
      await writeFile(join(folder, 'meta.json'), JSON.stringify({ name: cleanName }));
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
    return id;
  }

  async resolve(id: string): Promise<StagedFile> {
    if (!/^[a-z0-9-]{8,64}$/.test(id)) fail('invalid_request', 'Unknown staged file.');
    const folder = join(this.root, id);
    const meta = await readFile(join(folder, 'meta.json'), 'utf8').catch(() => undefined);
    if (!meta) {
      return fail('not_found', 'The dropped file is no longer available; drop it again.');
    }
    const { name } = JSON.parse(meta) as { name: string };
    return { path: join(folder, 'data'), name };
  }

  async remove(id: string): Promise<void> {
    if (/^[a-z0-9-]{8,64}$/.test(id)) await rm(join(this.root, id), { recursive: true, force: true });
  }

  private async removeStale(): Promise<void> {
    const entries = await readdir(this.root).catch(() => [] as string[]);
    const now = Date.now();
    await Promise.all(
      entries.map(async (entry) => {
        const info = await stat(join(this.root, entry)).catch(() => undefined);
        if (info && now - info.mtimeMs > STALE_MS) {
          await rm(join(this.root, entry), { recursive: true, force: true });
        }
      }),
    );
  }
}

/** Keeps only the last path segment and drops control characters. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20)
    .join('')
    .trim()
    .slice(0, 255);
  return clean || 'upload';
}
