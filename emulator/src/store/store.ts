/**
 * The emulator's persistent store: one JSON document (`state.json`, replaced atomically on every
 * change) plus immutable Arrow segment files and blobs under the data dir. A process killed at
 * any instant leaves the previous or the next state; files it references are always complete
 * because they are published (fsync + rename) before the state that names them.
 *
 * How to…
 *  - add an upload: `const u = await store.addUpload(table.id, {name, type, options})` (status
 *    `queued`), then `await store.setUploadStatus(u.id, 'running')`; write its rows with
 *    `SegmentWriter.create(store.dataDir, schema)` → `writer.write(batch)` → `writer.finish(name)`
 *    and publish with `await store.completeUpload(u.id, {segment, variables, size, hash})`
 *    (status `completed`; the table's variables become the union). On error:
 *    `await store.failUpload(u.id, message)`.
 *  - raw files: `store.listRawFiles(tableId)`; write bytes with `store.newBlobPath()` (write to
 *    `.abs`, fsync) then `await store.addRawFile(tableId, {name, blob: rel, size, md5Hash,
 *    contentType})` (a same-named file is replaced).
 *  - exports: `await store.createExport(tableId, format, userName)` (status `queued`), then
 *    `await store.updateExport(id, {status, percentCompleted, files, size, fileCount})`.
 *  - anything else: `await store.update((state) => { ...mutate... })`.
 * Reading: `store.state` is the live state object; treat it as read-only outside `update`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicFile.js';
import { randomId, referenceIdFor } from './ids.js';
import {
  STORE_SCHEMA_VERSION,
  type DataSegment,
  type ExportFormat,
  type ExportRecord,
  type JobStatus,
  type RawFileRecord,
  type StoreState,
  type TableRecord,
  type UploadRecord,
  type VariableRecord,
} from './model.js';
import { mergeVariables } from './variables.js';

export const STATE_FILE = 'state.json';
export const BLOBS_DIR = 'blobs';

export function emptyState(): StoreState {
  return {
    schemaVersion: STORE_SCHEMA_VERSION,
    secret: randomBytes(32).toString('hex'),
    accessTokensNotBefore: 0,
    users: {},
    organizations: {},
    datasets: {},
    versions: {},
    workflows: {},
    tables: {},
    uploads: {},
    rawFiles: {},
    exports: {},
    tempUploads: {},
    tokens: {},
  };
}

export class Store {
  private pendingWrite: Promise<void> | null = null;
  private writeChain: Promise<void> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    readonly state: StoreState,
  ) {}

  /** Opens an existing store; returns null when the dir holds no state yet. */
  static async open(dataDir: string): Promise<Store | null> {
    let text: string;
    try {
      text = await readFile(join(dataDir, STATE_FILE), 'utf8');
    } catch {
      return null;
    }
    const state = JSON.parse(text) as StoreState;
    if (state.schemaVersion !== STORE_SCHEMA_VERSION) {
      throw new Error(`Unsupported emulator store version ${state.schemaVersion} in ${dataDir}`);
    }
    return new Store(dataDir, state);
  }

  static async create(dataDir: string, state: StoreState): Promise<Store> {
    await mkdir(dataDir, { recursive: true });
    const store = new Store(dataDir, state);
    await store.persist();
    return store;
  }

  /** Applies a mutation and resolves once the new state is durable on disk. */
  async update<T>(mutate: (state: StoreState) => T): Promise<T> {
    const result = mutate(this.state);
    await this.persist();
    return result;
  }

  /** Coalesces concurrent writes: every caller waits for a write that includes its change. */
  persist(): Promise<void> {
    if (this.pendingWrite) return this.pendingWrite;
    const write = this.writeChain.then(async () => {
      this.pendingWrite = null;
      await writeFileAtomic(join(this.dataDir, STATE_FILE), JSON.stringify(this.state));
    });
    this.pendingWrite = write;
    this.writeChain = write.catch(() => undefined);
    return write;
  }

  newId(): string {
    return randomId(12);
  }

  /** A fresh 4-character reference id not used by any dataset, workflow or table. */
  newReferenceId(seed: string = randomId(8)): string {
    const used = new Set<string>();
    for (const d of Object.values(this.state.datasets)) used.add(d.referenceId);
    for (const w of Object.values(this.state.workflows)) used.add(w.referenceId);
    for (const t of Object.values(this.state.tables)) used.add(t.referenceId);
    let candidate = referenceIdFor(seed);
    for (let i = 1; used.has(candidate); i++) candidate = referenceIdFor(`${seed}#${i}`);
    return candidate;
  }

  /** A new blob location: write the bytes to `abs`, then store `rel` in a record. */
  async newBlobPath(extension = ''): Promise<{ rel: string; abs: string }> {
    await mkdir(join(this.dataDir, BLOBS_DIR), { recursive: true });
    const rel = `${BLOBS_DIR}/${randomId(16)}${extension}`;
    return { rel, abs: join(this.dataDir, rel) };
  }

  absolutePath(rel: string): string {
    return join(this.dataDir, rel);
  }

  table(id: string): TableRecord | undefined {
    return this.state.tables[id];
  }

  uploadsOf(tableId: string): UploadRecord[] {
    return Object.values(this.state.uploads)
      .filter((u) => u.tableId === tableId)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async addUpload(
    tableId: string,
    init: { name: string; type: string; options?: Record<string, unknown>; size?: number },
  ): Promise<UploadRecord> {
    const now = Date.now();
    const upload: UploadRecord = {
      id: this.newId(),
      tableId,
      name: init.name,
      status: 'queued',
      type: init.type,
      options: init.options ?? {},
      variables: [],
      data: null,
      size: init.size ?? 0,
      hash: null,
      badRecordsCount: 0,
      percentCompleted: 0,
      errorMessage: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.update((state) => {
      state.uploads[upload.id] = upload;
      return upload;
    });
  }

  async setUploadStatus(
    uploadId: string,
    status: JobStatus,
    patch: Partial<Pick<UploadRecord, 'percentCompleted' | 'errorMessage' | 'size' | 'hash'>> = {},
  ): Promise<void> {
    await this.update((state) => {
      const upload = state.uploads[uploadId];
      if (!upload) return;
      Object.assign(upload, patch, { status, updatedAt: Date.now() });
    });
  }

  /** Publishes an upload's rows: marks it completed and merges its variables into the table. */
  async completeUpload(
    uploadId: string,
    result: {
      segment: DataSegment;
      variables: VariableRecord[];
      size?: number;
      hash?: string;
      badRecordsCount?: number;
    },
  ): Promise<void> {
    await this.update((state) => {
      const upload = state.uploads[uploadId];
      if (!upload) return;
      upload.data = { ...result.segment, uploadName: upload.name };
      upload.variables = result.variables;
      upload.status = 'completed';
      upload.percentCompleted = 100;
      upload.errorMessage = null;
      if (result.size !== undefined) upload.size = result.size;
      if (result.hash !== undefined) upload.hash = result.hash;
      if (result.badRecordsCount !== undefined) upload.badRecordsCount = result.badRecordsCount;
      upload.updatedAt = Date.now();
      const table = state.tables[upload.tableId];
      if (table) {
        table.variables = mergeVariables(table.variables, result.variables);
        table.updatedAt = Date.now();
      }
    });
  }

  async failUpload(uploadId: string, message: string): Promise<void> {
    await this.setUploadStatus(uploadId, 'failed', { errorMessage: message });
  }

  async deleteUpload(uploadId: string): Promise<void> {
    await this.update((state) => {
      delete state.uploads[uploadId];
    });
  }

  listRawFiles(tableId: string): RawFileRecord[] {
    return Object.values(this.state.rawFiles)
      .filter((f) => f.tableId === tableId)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async addRawFile(
    tableId: string,
    init: Omit<RawFileRecord, 'id' | 'tableId' | 'addedAt'> & { id?: string },
  ): Promise<RawFileRecord> {
    const table = this.state.tables[tableId];
    const prefix = table ? `${table.referenceId}-${randomId(9)}` : randomId(14);
    const md5Url = Buffer.from(init.md5Hash, 'base64').toString('base64url');
    const record: RawFileRecord = {
      ...init,
      id: init.id ?? `${prefix}.${md5Url || randomId(22)}`,
      tableId,
      addedAt: Date.now(),
    };
    return this.update((state) => {
      for (const existing of Object.values(state.rawFiles)) {
        if (existing.tableId === tableId && existing.name === init.name) {
          delete state.rawFiles[existing.id];
        }
      }
      state.rawFiles[record.id] = record;
      return record;
    });
  }

  async createExport(tableId: string, format: ExportFormat, userName: string | null): Promise<ExportRecord> {
    const now = Date.now();
    const record: ExportRecord = {
      id: `${randomId(4)}-${randomId(9)}`,
      tableId,
      userName,
      format,
      status: 'queued',
      percentCompleted: 0,
      size: null,
      fileCount: null,
      files: [],
      errorMessage: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.update((state) => {
      state.exports[record.id] = record;
      return record;
    });
  }

  async updateExport(id: string, patch: Partial<Omit<ExportRecord, 'id'>>): Promise<void> {
    await this.update((state) => {
      const record = state.exports[id];
      if (record) Object.assign(record, patch, { updatedAt: Date.now() });
    });
  }
}
