import { z } from 'zod';
import { ApiError } from '../http/apiError.js';
import type { RequestContext } from '../http/routeModule.js';
import { escapeName } from '../refs/referenceGrammar.js';
import type { TableRecord } from '../store/model.js';
import { tableJson } from '../serialize/tableJson.js';
import { tablesInVersionOf } from '../serialize/tableListing.js';
import type { DatasetTarget } from './datasetResolve.js';
import { serializeContext } from './routeHelpers.js';

const createTableBody = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  uploadMergeStrategy: z.enum(['append', 'replace']).default('append'),
  isFileIndex: z.boolean().default(false),
});

export async function createTableIn(ctx: RequestContext, target: DatasetTarget): Promise<void> {
  const body = await ctx.readJson(createTableBody);
  const store = ctx.deps.store;
  const existing = tablesInVersionOf(store.state, target.version.id);
  if (existing.some((t) => escapeName(t.name) === escapeName(body.name))) {
    throw new ApiError(409, 'conflict', `A table named "${body.name}" already exists in this version`);
  }
  const now = ctx.deps.now();
  const table: TableRecord = {
    id: store.newId(),
    referenceId: store.newReferenceId(),
    container: { kind: 'dataset', datasetId: target.dataset.id, versionId: target.version.id },
    name: body.name,
    description: body.description ?? '',
    entityName: null,
    uploadMergeStrategy: body.uploadMergeStrategy,
    isFileIndex: body.isFileIndex,
    createdAt: now,
    updatedAt: now,
    variables: body.isFileIndex
      ? [
          {
            name: 'file_id',
            type: 'string',
            label: 'File id',
            description: null,
            valueLabels: [],
            statistics: null,
            isFileId: true,
          },
          {
            name: 'file_name',
            type: 'string',
            label: 'File name',
            description: null,
            valueLabels: [],
            statistics: null,
          },
          {
            name: 'size',
            type: 'integer',
            label: 'Size (bytes)',
            description: null,
            valueLabels: [],
            statistics: null,
          },
          {
            name: 'md5_hash',
            type: 'string',
            label: 'MD5 (base64)',
            description: null,
            valueLabels: [],
            statistics: null,
          },
          {
            name: 'added_at',
            type: 'dateTime',
            label: 'Added at',
            description: null,
            valueLabels: [],
            statistics: null,
          },
        ]
      : [],
    segments: [],
    temporalRange: null,
    temporalPrecision: null,
    geoBBox: null,
    isDeleted: false,
  };
  await store.update((s) => {
    s.tables[table.id] = table;
    const dataset = s.datasets[target.dataset.id];
    if (dataset) dataset.updatedAt = now;
  });
  const parents = { dataset: target.dataset, version: target.version, workflow: null };
  ctx.sendJson(200, tableJson(table, parents, serializeContext(ctx), 'edit'));
}
