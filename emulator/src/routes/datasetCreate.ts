import { z } from 'zod';
import { ApiError } from '../http/apiError.js';
import type { RequestContext } from '../http/routeModule.js';
import { escapeName } from '../refs/referenceGrammar.js';
import { persistentIdFor } from '../store/ids.js';
import type { DatasetRecord, OwnerRef, VersionRecord } from '../store/model.js';
import { datasetJson } from '../serialize/datasetJson.js';
import { serializeContext } from './routeHelpers.js';

const accessLevel = z.enum(['none', 'overview', 'metadata', 'sample', 'data']);

export const createDatasetBody = z.object({
  name: z.string().trim().min(1).max(200),
  // Documented as required; we default to `none` so a minimal body works.
  publicAccessLevel: accessLevel.default('none'),
  description: z.string().max(5000).optional(),
  labels: z.array(z.string()).optional(),
});

/** Creates a dataset with an empty unreleased `next` version (spec §3.2 POST datasets). */
export async function createDataset(ctx: RequestContext, owner: OwnerRef): Promise<void> {
  const user = ctx.requireUser();
  ctx.requireScope('data.edit');
  const state = ctx.deps.store.state;
  if (owner.kind === 'user' && owner.name !== user.name) {
    throw new ApiError(403, 'forbidden', 'You can only create datasets in your own account');
  }
  if (owner.kind === 'organization') {
    const member = state.organizations[owner.name]?.members.find(
      (m) => m.userName === user.name && m.status === 'approved',
    );
    if (!member?.isAdmin) {
      throw new ApiError(403, 'forbidden', `Only administrators of ${owner.name} can create datasets`);
    }
  }
  const body = await ctx.readJson(createDatasetBody);
  const escaped = escapeName(body.name);
  const clash = Object.values(state.datasets).some(
    (d) => d.owner.name === owner.name && !d.isDeleted && escapeName(d.name) === escaped,
  );
  if (clash) {
    throw new ApiError(409, 'conflict', `A dataset named "${body.name}" already exists for ${owner.name}`);
  }
  const now = ctx.deps.now();
  const store = ctx.deps.store;
  const referenceId = store.newReferenceId();
  const dataset: DatasetRecord = {
    id: persistentIdFor(referenceId, `${owner.name}.${escaped}.${now}`),
    referenceId,
    owner,
    name: body.name,
    description: body.description ?? '',
    labels: body.labels ?? [],
    publicAccessLevel: body.publicAccessLevel,
    access: owner.kind === 'organization' ? { [user.name]: 'edit' } : {},
    createdAt: now,
    updatedAt: now,
    temporalRange: null,
    temporalPrecision: null,
    geoBBox: null,
    sampleConfiguration: null,
    methodologyMarkdown: '',
    usageMarkdown: '',
    contactInfo: '',
    links: [],
    doi: null,
    isDeleted: false,
  };
  const version: VersionRecord = {
    id: store.newId(),
    datasetId: dataset.id,
    tag: 'next',
    label: null,
    releaseNotes: null,
    isReleased: false,
    isDeleted: false,
    createdAt: now,
    updatedAt: now,
    releasedAt: null,
  };
  await store.update((s) => {
    s.datasets[dataset.id] = dataset;
    s.versions[version.id] = version;
  });
  ctx.sendJson(200, datasetJson(dataset, version, serializeContext(ctx)));
}
