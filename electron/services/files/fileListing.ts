import { MAX_LISTED_FILES, type FileEntry, type FileListing } from '../../../shared/contract/filesModel';
import { fail } from '../../../shared/contract/errors';
import type { RedivisApiClient } from '../redivis/apiClient';
import { contentTypeOf } from './contentTypes';
import { fetchListing, type RawFileRow } from '../redivis/api/files';

interface Cached {
  listing: FileListing;
  lastModified: string | null;
  checkedAt: number;
  byId: Map<string, FileEntry>;
}

/** Answers younger than this are used without asking the server (as the Python client does). */
const FRESH_MS = 30_000;
const MAX_TABLES = 50;

/**
 * File listings per table, kept and revalidated with `If-Modified-Since`: a large index is
 * sent again only when files were added or replaced. Also the place other file services look
 * up a file's name, size and md5 by id, so the page only ever names ids.
 */
export class FileListings {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly api: RedivisApiClient,
    private readonly now: () => number = Date.now,
  ) {}

  private key(tableRef: string): string {
    return `${this.api.baseUrl()}\n${tableRef}`;
  }

  /** The listing for the page: at most MAX_LISTED_FILES files, by name. */
  async list(
    tableRef: string,
    options: { refresh?: boolean; signal?: AbortSignal } = {},
  ): Promise<FileListing> {
    const { listing } = await this.load(tableRef, options);
    if (listing.files.length <= MAX_LISTED_FILES) return listing;
    const files = [...listing.files].sort((a, b) => a.name.localeCompare(b.name)).slice(0, MAX_LISTED_FILES);
    return { ...listing, files };
  }

  /** Every file under a folder ('' = all of them), from the whole listing. */
  async filesUnder(tableRef: string, folder: string): Promise<FileEntry[]> {
    const { listing } = await this.load(tableRef, {});
    const path = folder.replace(/^\/+|\/+$/g, '');
    if (!path) return listing.files;
    // By the name's folder parts, as the page's tree builds them (`a//b.txt` is in `a`).
    return listing.files.filter((f) => {
      const folders = f.name.split('/').filter(Boolean).slice(0, -1).join('/');
      return folders === path || folders.startsWith(`${path}/`);
    });
  }

  /** A file of a table, by id; fails when the table has no such file. */
  async file(tableRef: string, fileId: string): Promise<FileEntry> {
    let cached = await this.load(tableRef, {});
    let entry = cached.byId.get(fileId);
    if (!entry) {
      cached = await this.load(tableRef, { refresh: true });
      entry = cached.byId.get(fileId);
    }
    return entry ?? fail('not_found', 'This file is not in the table any more.', { detail: fileId });
  }

  private async load(
    tableRef: string,
    options: { refresh?: boolean; signal?: AbortSignal },
  ): Promise<Cached> {
    const key = this.key(tableRef);
    const hit = this.cache.get(key);
    if (hit && !options.refresh && this.now() - hit.checkedAt < FRESH_MS) return hit;
    const answer = await fetchListing(this.api, tableRef, {
      ifModifiedSince: hit?.lastModified ?? null,
      signal: options.signal,
    });
    if (answer.status === 'notModified' && hit) {
      hit.checkedAt = this.now();
      return hit;
    }
    if (answer.status === 'notModified') {
      return fail('server', 'The server said the list of files was unchanged, but the app has none.');
    }
    const files = answer.rows.map(toEntry);
    const cached: Cached = {
      listing: { tableRef, files, extraColumns: answer.extraColumns, totalFiles: files.length },
      lastModified: answer.lastModified,
      checkedAt: this.now(),
      byId: new Map(files.map((f) => [f.id, f])),
    };
    this.cache.delete(key);
    this.cache.set(key, cached);
    if (this.cache.size > MAX_TABLES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return cached;
  }
}

function toEntry(row: RawFileRow): FileEntry {
  const added = row.added_at === null || row.added_at === undefined ? null : Number(row.added_at);
  return {
    id: row.file_id,
    name: row.file_name,
    size: row.size,
    md5: row.md5_hash ?? null,
    // Timestamps arrive in ms from apache-arrow (timestamp µs columns are read as ms).
    addedAt: added,
    contentType: contentTypeOf(row.file_name),
    extra: row.extra,
  };
}
