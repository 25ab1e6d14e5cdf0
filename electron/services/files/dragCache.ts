import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RedivisApiClient } from '../redivis/apiClient';
import type { FileListings } from './fileListing';
import { localPathFor } from './downloadPaths';
import { downloadRawFile } from './rawFileDownload';

/**
 * Files fetched for dragging out of the desktop app: downloaded (md5-checked, as any
 * download) under the app's data folder, and handed to the shell by table and id only when
 * ready. The cache is emptied when the app starts.
 */
export class DragCache {
  private readonly ready = new Map<string, string>();
  private readonly preparing = new Map<string, Promise<void>>();
  private cleared: Promise<void> | undefined;

  constructor(
    private readonly api: RedivisApiClient,
    private readonly listings: FileListings,
    private readonly folder: string,
  ) {}

  private key(tableRef: string, fileId: string): string {
    return `${tableRef}\n${fileId}`;
  }

  /** Fetches the file into the cache (once); resolves when it can be dragged. */
  prepare(tableRef: string, fileId: string): Promise<void> {
    const key = this.key(tableRef, fileId);
    if (this.ready.has(key)) return Promise.resolve();
    let pending = this.preparing.get(key);
    if (!pending) {
      pending = this.fetch(tableRef, fileId, key).finally(() => this.preparing.delete(key));
      this.preparing.set(key, pending);
    }
    return pending;
  }

  /** The cached file's path, if it was prepared; only the shell asks, to start the OS drag. */
  pathOf(tableRef: string, fileId: string): string | undefined {
    return this.ready.get(this.key(tableRef, fileId));
  }

  private async fetch(tableRef: string, fileId: string, key: string): Promise<void> {
    this.cleared ??= rm(this.folder, { recursive: true, force: true }).catch(() => undefined);
    await this.cleared;
    const file = await this.listings.file(tableRef, fileId);
    // One folder per file, so two files of the same name never meet.
    const dir = join(this.folder, createHash('sha256').update(key).digest('hex').slice(0, 24));
    await mkdir(dir, { recursive: true });
    const base = file.name.slice(file.name.lastIndexOf('/') + 1);
    const result = await downloadRawFile(this.api, file, localPathFor(dir, base, ''), {
      signal: new AbortController().signal,
      onBytes: () => undefined,
    });
    this.ready.set(key, result.path);
  }
}
