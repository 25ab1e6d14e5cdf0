import type { FileDownloadRequest, FileEntry } from '../../../shared/contract/filesModel';
import { previewKindOf } from '../../../shared/contract/filesModel';
import { fail } from '../../../shared/contract/errors';
import type { Job } from '../../../shared/contract/jobModel';
import type { JobQueue } from '../jobs/jobQueue';
import type { Ports } from '../ports';
import type { RedivisApiClient } from '../redivis/apiClient';
import { DragCache } from './dragCache';
import { FileContent } from './fileContent';
import { FileListings } from './fileListing';
import { readTable, readText } from './fileReads';
import { filesDownloadJob } from './downloadJob';

/**
 * The files of file-index tables: listings, previews (text, tables, and bytes for the page
 * through the content handles) and download jobs.
 */
export class FilesService {
  readonly listings: FileListings;
  readonly content: FileContent;
  /** Files fetched for dragging out of the desktop app. */
  readonly drag: DragCache;

  constructor(
    private readonly api: RedivisApiClient,
    private readonly jobs: JobQueue,
    private readonly ports: Ports,
    mode: 'electron' | 'browser',
    cacheFolder: string,
  ) {
    this.listings = new FileListings(api);
    this.content = new FileContent(api, mode);
    this.drag = new DragCache(api, this.listings, cacheFolder);
  }

  async contentOf(tableRef: string, fileId: string) {
    const file = await this.listings.file(tableRef, fileId);
    return {
      url: this.content.addressFor(file),
      kind: previewKindOf(file.name, file.contentType),
      contentType: file.contentType,
    };
  }

  async readText(tableRef: string, fileId: string) {
    return readText(this.api, await this.listings.file(tableRef, fileId));
  }

  async readTable(tableRef: string, fileId: string) {
    return readTable(this.api, await this.listings.file(tableRef, fileId));
  }

  /** Asks where to save, then starts the job; null when the dialog is cancelled. */
  async download(request: FileDownloadRequest): Promise<Job | null> {
    const folder = request.folder ?? '';
    const files: FileEntry[] = [];
    if (request.fileIds) {
      for (const id of new Set(request.fileIds)) files.push(await this.listings.file(request.tableRef, id));
    } else {
      files.push(...(await this.listings.filesUnder(request.tableRef, folder)));
    }
    if (files.length === 0) fail('not_found', 'There are no files in this folder.');
    const single = files.length === 1 && request.fileIds !== undefined;
    const defaultName = plainName(
      single ? baseName(files[0]!.name) : baseName(folder) || tableName(request.tableRef),
    );
    const destination = await this.ports.chooseSavePath({ defaultName });
    if (!destination) return null;
    const title = single
      ? baseName(files[0]!.name)
      : `${baseName(folder) || tableName(request.tableRef)} (${files.length} files)`;
    return this.jobs.start(filesDownloadJob(this.api, { files, destination, folder, single }, title));
  }
}

function baseName(name: string): string {
  return name.replace(/\/+$/, '').split('/').pop() ?? '';
}

function tableName(tableRef: string): string {
  return tableRef.split('.').pop()?.split(':')[0] ?? 'files';
}

function plainName(name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '/\\<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'files' : cleaned;
}
