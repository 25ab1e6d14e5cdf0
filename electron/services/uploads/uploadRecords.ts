import type { UploadOptions } from '../../../shared/contract/uploadModel';
import { AppFailure, fail } from '../../../shared/contract/errors';
import type { RedivisApiClient } from '../redivis/apiClient';
import { sleep } from '../redivis/retryPolicy';
import { refSegment, uploadPath } from './redivisRefs';

export interface UploadJson {
  name: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  numRows?: number;
  badRecordsCount?: number;
  errorMessage?: string | null;
}

interface TempUploadJson {
  id: string;
  url: string;
}

/** The Redivis requests around one upload (spec §3.4, §6): temp upload, record, status, files. */
export class UploadRecords {
  constructor(private readonly api: RedivisApiClient) {}

  async createTempUpload(
    tableRef: string,
    file: { name: string; size: number },
    resumable: boolean,
    signal: AbortSignal,
  ): Promise<TempUploadJson> {
    const list = await this.api.json<{ results?: TempUploadJson[] }>(
      'POST',
      `/tables/${refSegment(tableRef)}/tempUploads`,
      {
        body: { tempUploads: [{ name: file.name, size: file.size, resumable }] },
        signal,
        what: 'this table',
      },
    );
    const temp = list?.results?.[0];
    if (!temp?.url || !temp.id) fail('server', 'The server did not return an upload address.');
    return temp;
  }

  async exists(tableRef: string, name: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.api.send('HEAD', uploadPath(tableRef, name), { signal, what: 'this upload' });
      return true;
    } catch (error) {
      if (error instanceof AppFailure && error.appError.code === 'not_found') return false;
      throw error;
    }
  }

  /** `data.csv` → `data_1.csv`, `data_2.csv`, … until no upload of the table has the name. */
  async freeName(tableRef: string, name: string, signal: AbortSignal): Promise<string> {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    for (let i = 1; i < 1000; i++) {
      const candidate = `${stem}_${i}${ext}`;
      if (!(await this.exists(tableRef, candidate, signal))) return candidate;
    }
    return fail('conflict', `Could not find a free name for ${name}.`);
  }

  async create(
    tableRef: string,
    upload: { name: string; type: string; tempUploadId: string; options: UploadOptions },
    signal: AbortSignal,
  ): Promise<UploadJson> {
    const { options } = upload;
    return this.api.json<UploadJson>('POST', `/tables/${refSegment(tableRef)}/uploads`, {
      body: {
        name: upload.name,
        type: upload.type,
        tempUploadId: upload.tempUploadId,
        hasHeaderRow: options.hasHeaderRow,
        delimiter: options.delimiter,
        quoteCharacter: options.quoteCharacter,
        nullMarkers: options.nullMarkers,
        skipBadRecords: options.skipBadRecords,
        hasQuotedNewlines: options.hasQuotedNewlines,
      },
      signal,
      what: 'this table',
    });
  }

  /** Polls until the server finished processing (spec §6.7); fails with its errorMessage. */
  async waitUntilProcessed(
    tableRef: string,
    name: string,
    intervalMs: number,
    signal: AbortSignal,
    onStatus: (upload: UploadJson) => void,
  ): Promise<UploadJson> {
    for (;;) {
      const upload = await this.api.get<UploadJson>(uploadPath(tableRef, name), {
        signal,
        what: 'this upload',
      });
      onStatus(upload);
      if (upload.status === 'completed') return upload;
      if (upload.status === 'failed') {
        fail('bad_input', `The server could not import ${name}.`, {
          detail: upload.errorMessage ?? undefined,
        });
      }
      await sleep(intervalMs, signal);
    }
  }

  async remove(tableRef: string, name: string): Promise<void> {
    await this.api.send('DELETE', uploadPath(tableRef, name), { what: 'this upload' });
  }

  async addRawFile(tableRef: string, name: string, tempUploadId: string, signal: AbortSignal): Promise<void> {
    await this.api.json('POST', `/tables/${refSegment(tableRef)}/rawFiles`, {
      body: { files: [{ name, tempUploadId }] },
      signal,
      what: 'this table',
    });
  }

  async createTable(
    datasetRef: string,
    table: { name: string; isFileIndex: boolean },
    signal: AbortSignal,
  ): Promise<{ name: string }> {
    return this.api.json<{ name: string }>('POST', `/datasets/${refSegment(`${datasetRef}:next`)}/tables`, {
      body: { name: table.name, isFileIndex: table.isFileIndex },
      signal,
      what: 'this dataset',
    });
  }

  async removeTable(tableRef: string): Promise<void> {
    await this.api.send('DELETE', `/tables/${refSegment(tableRef)}`, { what: 'this table' });
  }
}
