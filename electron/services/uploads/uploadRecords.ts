import type { UploadOptions } from '../../../shared/contract/uploadModel';
import { fail } from '../../../shared/contract/errors';
import type { RedivisApiClient } from '../redivis/apiClient';
import { createTable, deleteTable } from '../redivis/api/tables';
import {
  addRawFile,
  createTempUpload,
  createUpload,
  deleteUpload,
  getUpload,
  uploadExists,
  type ApiTempUpload,
  type ApiUpload,
} from '../redivis/api/uploads';
import { sleep } from '../redivis/retryPolicy';

export type UploadJson = ApiUpload;

/** The Redivis requests around one upload (spec §3.4, §6): temp upload, record, status, files. */
export class UploadRecords {
  constructor(private readonly api: RedivisApiClient) {}

  async createTempUpload(
    tableRef: string,
    file: { name: string; size: number },
    resumable: boolean,
    signal: AbortSignal,
  ): Promise<ApiTempUpload> {
    return createTempUpload(this.api, tableRef, { ...file, resumable }, signal);
  }

  exists(tableRef: string, name: string, signal?: AbortSignal): Promise<boolean> {
    return uploadExists(this.api, tableRef, name, signal);
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
    return createUpload(
      this.api,
      tableRef,
      {
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
    );
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
      const upload = await getUpload(this.api, tableRef, name, signal);
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
    await deleteUpload(this.api, tableRef, name);
  }

  async addRawFile(tableRef: string, name: string, tempUploadId: string, signal: AbortSignal): Promise<void> {
    await addRawFile(this.api, tableRef, { name, tempUploadId }, signal);
  }

  async createTable(
    datasetRef: string,
    table: { name: string; isFileIndex: boolean },
    signal: AbortSignal,
  ): Promise<{ name: string }> {
    return createTable(this.api, datasetRef, table, signal);
  }

  async removeTable(tableRef: string): Promise<void> {
    await deleteTable(this.api, tableRef);
  }
}
