/**
 * Stream uploads (spec §6.6): `type: "stream"` creates an upload with an optional `schema`;
 * `POST {U}/rows {rows:[{…}]}` appends rows. Without a schema the first insert fixes the
 * variables and their types from the JSON values. Each insert rewrites the upload's segment
 * (segments are immutable), which is fine for the small batches streaming clients send.
 */
import fs from 'node:fs';
import { RecordBatchReader, type RecordBatch } from 'apache-arrow';
import { z } from 'zod';
import { badRequest } from '../http/apiError.js';
import type { RequestContext } from '../http/routeModule.js';
import { batchFromColumns } from '../ingest/batchSink.js';
import { classifyJsonString, widenType } from '../ingest/cellValues.js';
import { ColumnAccumulator, schemaFor } from '../ingest/columnAccumulator.js';
import { convertJson } from '../ingest/convertCell.js';
import type { VariableType as IngestType } from '../ingest/ingestTypes.js';
import type { TableRecord, UploadRecord, VariableRecord, VariableType } from '../store/model.js';
import { SegmentWriter, segmentPath } from '../store/segmentFiles.js';
import type { UploadMetadata } from './uploadsRequest.js';

const VARIABLE_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'dateTime', 'time', 'geography'];
const MAX_ROWS_BYTES = 100 * 1024 * 1024;
const rowsBody = z.object({ rows: z.array(z.record(z.string(), z.unknown())).min(1) }).passthrough();

function variable(name: string, type: VariableType): VariableRecord {
  return { name, type, label: null, description: null, valueLabels: [], statistics: null };
}

function storageType(type: VariableType): IngestType {
  return type === 'geography' ? 'string' : type;
}

async function writeSegment(
  ctx: RequestContext,
  upload: UploadRecord,
  variables: VariableRecord[],
  batches: RecordBatch[],
): Promise<void> {
  const schema = schemaFor(variables.map((v) => ({ name: v.name, type: storageType(v.type) })));
  const writer = await SegmentWriter.create(ctx.deps.store.dataDir, schema);
  try {
    for (const batch of batches) await writer.write(batch);
    const segment = await writer.finish(upload.name);
    await ctx.deps.store.completeUpload(upload.id, { segment, variables });
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

export async function createStreamUpload(
  ctx: RequestContext,
  table: TableRecord,
  name: string,
  meta: UploadMetadata,
): Promise<UploadRecord> {
  const variables = (meta.schema ?? []).map((field) => {
    if (!VARIABLE_TYPES.includes(field.type)) {
      throw badRequest(`Unknown type "${field.type}" for variable ${field.name} in schema`);
    }
    return variable(field.name, field.type as VariableType);
  });
  const upload = await ctx.deps.store.addUpload(table.id, { name, type: 'stream', options: {} });
  if (variables.length > 0) await writeSegment(ctx, upload, variables, []);
  else await ctx.deps.store.setUploadStatus(upload.id, 'completed', { percentCompleted: 100 });
  return ctx.deps.store.state.uploads[upload.id] ?? upload;
}

function inferVariables(rows: Record<string, unknown>[]): VariableRecord[] {
  const types = new Map<string, IngestType | null>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      const current = types.get(key) ?? null;
      if (value === null || value === undefined) {
        if (!types.has(key)) types.set(key, null);
        continue;
      }
      const kind: IngestType =
        typeof value === 'number'
          ? Number.isSafeInteger(value)
            ? 'integer'
            : 'float'
          : typeof value === 'boolean'
            ? 'boolean'
            : typeof value === 'string'
              ? classifyJsonString(value)
              : 'string';
      types.set(key, widenType(current, kind));
    }
  }
  return [...types].map(([name, type]) => variable(name, type ?? 'string'));
}

async function storedBatches(ctx: RequestContext, upload: UploadRecord): Promise<RecordBatch[]> {
  if (!upload.data) return [];
  const reader = await RecordBatchReader.from(
    fs.createReadStream(segmentPath(ctx.deps.store.dataDir, upload.data.file)),
  );
  const batches: RecordBatch[] = [];
  for await (const batch of reader) batches.push(batch);
  return batches;
}

async function insertUnlocked(ctx: RequestContext, upload: UploadRecord): Promise<void> {
  if (upload.type !== 'stream') {
    ctx.req.resume();
    throw badRequest(
      `Upload ${upload.name} is not a stream upload; rows can only be inserted into type "stream"`,
    );
  }
  const { rows } = await ctx.readJson(rowsBody, MAX_ROWS_BYTES);
  const variables = upload.variables.length > 0 ? upload.variables : inferVariables(rows);
  const byName = new Map(variables.map((v, i) => [v.name.toLowerCase(), i]));
  const columns = variables.map((v) => new ColumnAccumulator(storageType(v.type), rows.length));
  rows.forEach((row, r) => {
    const cells: unknown[] = new Array<unknown>(variables.length).fill(null);
    for (const [key, value] of Object.entries(row)) {
      const index = byName.get(key.toLowerCase());
      if (index === undefined) throw badRequest(`Row ${r}: unknown variable "${key}"`);
      cells[index] = value;
    }
    cells.forEach((value, c) => {
      const v = variables[c]!;
      const converted = convertJson(value, storageType(v.type));
      if (converted === null && value !== null && value !== undefined) {
        throw badRequest(`Row ${r}: value of "${v.name}" is not a valid ${v.type}`);
      }
      columns[c]!.push(converted);
    });
  });
  const schema = schemaFor(variables.map((v) => ({ name: v.name, type: storageType(v.type) })));
  const batch = batchFromColumns(
    schema,
    columns.map((c) => c.flush()),
    rows.length,
  );
  const previous = await storedBatches(ctx, upload);
  await writeSegment(ctx, upload, variables, [...previous, batch]);
  const current = ctx.deps.store.state.uploads[upload.id];
  ctx.sendJson(200, {
    kind: 'insertRowsResponse',
    insertedRows: rows.length,
    numRows: current?.data?.numRows ?? rows.length,
  });
}

/** Inserts rewrite the upload's segment from the previous one, so they run one at a time. */
const insertChains = new Map<string, Promise<void>>();

export function insertStreamRows(ctx: RequestContext, upload: UploadRecord): Promise<void> {
  const previous = insertChains.get(upload.id) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(() => insertUnlocked(ctx, ctx.deps.store.state.uploads[upload.id] ?? upload));
  insertChains.set(upload.id, next);
  void next
    .finally(() => {
      if (insertChains.get(upload.id) === next) insertChains.delete(upload.id);
    })
    .catch(() => undefined);
  return next;
}
