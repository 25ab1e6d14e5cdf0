/**
 * Background processing of an upload: `queued` → `running` → `completed` | `failed`. The file is
 * parsed into a new table segment (the upload's own schema) and its variables are merged into
 * the table's variable list by the store.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { RecordBatch, Schema } from 'apache-arrow';
import type { EmulatorDeps } from '../http/routeModule.js';
import type { BatchSink } from '../ingest/batchSink.js';
import { ingestFile } from '../ingest/ingestFile.js';
import { IngestError, type IngestOptions, type IngestedVariable } from '../ingest/ingestTypes.js';
import type { ValueLabel, VariableRecord } from '../store/model.js';
import { SegmentWriter } from '../store/segmentFiles.js';

export interface VariableMetadata {
  label?: string | null;
  description?: string | null;
  valueLabels?: ValueLabel[] | null;
}

export interface UploadJob {
  uploadId: string;
  /** Absolute path of the received file. */
  inputPath: string;
  options: IngestOptions;
  /** Per-variable metadata from the request, keyed by variable name (any case). */
  metadata: Record<string, VariableMetadata> | null;
  /** Removed once processed (temp files of the request, consumed temp uploads). */
  cleanup: () => Promise<void>;
}

/** Progress writes to the store are throttled; each one rewrites the state file. */
const PROGRESS_INTERVAL_MS = 250;

class SegmentSink implements BatchSink {
  writer: SegmentWriter | null = null;
  private lastProgress = 0;

  constructor(
    private readonly deps: EmulatorDeps,
    private readonly uploadId: string,
  ) {}

  progress(fraction: number): void {
    const now = Date.now();
    if (now - this.lastProgress < PROGRESS_INTERVAL_MS) return;
    this.lastProgress = now;
    // 10% is reached when processing starts; 100% only once the upload is published.
    const percentCompleted = Math.min(99, 10 + Math.floor(fraction * 89));
    void this.deps.store
      .update((state) => {
        const upload = state.uploads[this.uploadId];
        if (upload?.status === 'running') upload.percentCompleted = percentCompleted;
      })
      .catch(() => undefined);
  }

  async begin(schema: Schema): Promise<void> {
    this.writer = await SegmentWriter.create(this.deps.store.dataDir, schema);
  }

  async write(batch: RecordBatch): Promise<void> {
    await this.writer!.write(batch);
  }
}

async function md5Hex(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of fs.createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function toVariableRecords(
  variables: IngestedVariable[],
  metadata: Record<string, VariableMetadata> | null,
): VariableRecord[] {
  const byName = new Map(Object.entries(metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return variables.map((v) => {
    const meta = byName.get(v.name.toLowerCase());
    return {
      name: v.name,
      type: v.type,
      label: meta?.label ?? null,
      description: meta?.description ?? null,
      valueLabels: meta?.valueLabels ?? [],
      statistics: null,
    };
  });
}

async function run(deps: EmulatorDeps, job: UploadJob): Promise<void> {
  const { store } = deps;
  const upload = store.state.uploads[job.uploadId];
  if (!upload) return;
  const { size } = await fsp.stat(job.inputPath);
  await store.setUploadStatus(job.uploadId, 'running', { percentCompleted: 10, size });
  const hash = await md5Hex(job.inputPath);
  const sink = new SegmentSink(deps, job.uploadId);
  try {
    const result = await ingestFile(job.inputPath, sink, job.options);
    if (!store.state.uploads[job.uploadId]) {
      // Deleted while processing: drop the rows instead of resurrecting the upload.
      await sink.writer?.abort();
      return;
    }
    const segment = await sink.writer!.finish(upload.name);
    await store.update((state) => {
      const current = state.uploads[job.uploadId];
      if (!current) return;
      if (result.delimiter !== undefined) current.options.delimiter = result.delimiter;
      if (result.hasHeaderRow !== undefined) current.options.hasHeaderRow = result.hasHeaderRow;
    });
    await store.completeUpload(job.uploadId, {
      segment,
      variables: toVariableRecords(result.variables, job.metadata),
      size,
      hash,
      badRecordsCount: result.badRecordsCount,
    });
  } catch (err) {
    await sink.writer?.abort();
    throw err;
  }
}

/** Starts processing on a later tick so the creating request can answer with `queued` first. */
export function startUploadJob(deps: EmulatorDeps, job: UploadJob): void {
  setImmediate(() => {
    run(deps, job)
      .catch(async (err: unknown) => {
        const message =
          err instanceof IngestError
            ? err.message
            : `The upload could not be processed: ${err instanceof Error ? err.message : String(err)}`;
        if (deps.store.state.uploads[job.uploadId]) await deps.store.failUpload(job.uploadId, message);
      })
      .catch(() => undefined)
      .finally(() => job.cleanup().catch(() => undefined));
  });
}

/**
 * Jobs run in memory, so uploads still `queued`/`running` when the store is opened were cut
 * off by a shutdown; they are marked failed instead of staying in progress forever.
 */
export function failInterruptedUploads(deps: EmulatorDeps): void {
  const stale = Object.values(deps.store.state.uploads).filter(
    (u) => u.status === 'queued' || u.status === 'running',
  );
  if (stale.length === 0) return;
  void deps.store
    .update((state) => {
      for (const upload of stale) {
        const current = state.uploads[upload.id];
        if (!current) continue;
        current.status = 'failed';
        current.errorMessage = 'Processing was interrupted by a server restart; upload the file again';
      }
    })
    .catch(() => undefined);
}
