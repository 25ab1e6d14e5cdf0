import { randomUUID } from 'node:crypto';
import { basename, isAbsolute, join } from 'node:path';
import { fail } from '../../../shared/contract/errors';
import type { UploadSource } from '../../../shared/contract/uploadModel';
import { StagingArea, type StagedFile } from './stagingArea';

/**
 * The files the user handed the app, by opaque id. The renderer never names a path: in the
 * desktop app the preload turns a dropped or picked File into its path (only Electron can) and
 * hands it straight to the Node side, which keeps it here behind a random id; in browser mode
 * the page streams the file into the staging area, whose id plays the same part. An upload
 * accepts only these ids, so no page content can make the app read a file of its choosing.
 */
export class LocalFiles {
  readonly staging: StagingArea;
  private readonly picked = new Map<string, StagedFile>();

  constructor(dataDir: string) {
    this.staging = new StagingArea(join(dataDir, 'staging'));
  }

  /** Remembers a file the user dropped or picked (its path comes from Electron, not the page). */
  pick(path: string): string {
    if (typeof path !== 'string' || path === '' || !isAbsolute(path) || path.includes('\0')) {
      fail('bad_input', 'This item is not a file on this computer.');
    }
    const id = randomUUID();
    this.picked.set(id, { path, name: basename(path) });
    return id;
  }

  /** The file behind a source, or a clear error when the id is unknown or gone. */
  async resolve(source: UploadSource): Promise<StagedFile> {
    if (source.kind === 'staged') return this.staging.resolve(source.stagingId);
    const file = this.picked.get(source.fileId);
    if (!file) fail('not_found', 'The app no longer knows this file; drop or choose it again.');
    return file;
  }

  /** The file's name when it is known without touching the disk. */
  nameOf(source: UploadSource): string | undefined {
    return source.kind === 'picked' ? this.picked.get(source.fileId)?.name : undefined;
  }

  /** Forgets a source once its upload succeeded (a staged copy is deleted). */
  async release(source: UploadSource): Promise<void> {
    if (source.kind === 'staged') await this.staging.remove(source.stagingId);
  }
}
