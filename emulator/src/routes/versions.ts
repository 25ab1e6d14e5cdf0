/**
 * Dataset versions (spec §3.2). Choices: releasing `next` bumps the major number (`v2.0` after
 * `v1.x`; `v1.0` for a first release); unrelease turns the current version back into `next`
 * within 7 days of its release, if no other `next` exists; deleting `next` removes it and its
 * tables, deleting a released version only marks it deleted (undelete restores it).
 */
import { z } from 'zod';
import { ApiError, notFound } from '../http/apiError.js';
import { sendPage } from '../http/pagination.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import { rank } from '../refs/access.js';
import { parseVersionTag } from '../refs/referenceGrammar.js';
import { currentVersion, datasetVersions, nextVersion } from '../refs/resolveContainer.js';
import type { TableRecord, VersionRecord } from '../store/model.js';
import { tableSources } from '../store/tableSources.js';
import { tablesInVersionOf } from '../serialize/tableListing.js';
import { versionJson } from '../serialize/versionJson.js';
import { resolveDatasetParam, type DatasetTarget } from './datasetResolve.js';
import { requireParam, serializeContext } from './routeHelpers.js';

const UNRELEASE_WINDOW_MS = 7 * 24 * 3600 * 1000;

function findVersion(ctx: RequestContext, target: DatasetTarget, includeDeleted = false): VersionRecord {
  const tag = parseVersionTag(requireParam(ctx, 'tag'));
  const state = ctx.deps.store.state;
  const canEdit = rank(target.access.effective) >= rank('edit');
  const version =
    tag === 'current'
      ? currentVersion(state, target.dataset.id)
      : tag === 'next'
        ? nextVersion(state, target.dataset.id)
        : datasetVersions(state, target.dataset.id).find(
            (v) => v.tag === tag && (includeDeleted || !v.isDeleted),
          );
  if (!version || (!version.isReleased && !canEdit)) throw notFound(`Version ${tag} not found`);
  return version;
}

function sendVersion(ctx: RequestContext, target: DatasetTarget, version: VersionRecord): void {
  ctx.sendJson(200, versionJson(version, target.dataset, serializeContext(ctx)));
}

function editTarget(ctx: RequestContext): DatasetTarget {
  ctx.requireUser();
  return resolveDatasetParam(ctx, 'edit');
}

function nextReleaseTag(versions: VersionRecord[]): string {
  let major = 0;
  for (const v of versions) {
    const match = /^v(\d+)\./.exec(v.tag);
    if (match) major = Math.max(major, Number(match[1]));
  }
  return `v${major + 1}.0`;
}

/** Copies the current tables into a new `next` version; their rows are inherited. */
async function createNextVersion(ctx: RequestContext, target: DatasetTarget): Promise<VersionRecord> {
  const store = ctx.deps.store;
  const state = store.state;
  if (nextVersion(state, target.dataset.id)) {
    throw new ApiError(409, 'conflict', 'This dataset already has a next version');
  }
  const now = ctx.deps.now();
  const version: VersionRecord = {
    id: store.newId(),
    datasetId: target.dataset.id,
    tag: 'next',
    label: null,
    releaseNotes: null,
    isReleased: false,
    isDeleted: false,
    createdAt: now,
    updatedAt: now,
    releasedAt: null,
  };
  const current = currentVersion(state, target.dataset.id);
  const copies: TableRecord[] = current
    ? tablesInVersionOf(state, current.id).map((t) => ({
        ...structuredClone(t),
        id: store.newId(),
        container: { kind: 'dataset', datasetId: target.dataset.id, versionId: version.id },
        segments: tableSources(state, t).map((s) => ({ ...s.segment })),
        createdAt: now,
        updatedAt: now,
      }))
    : [];
  const rawFileCopies = current
    ? tablesInVersionOf(state, current.id).flatMap((t, i) =>
        store.listRawFiles(t.id).map((f) => ({ ...f, tableId: copies[i]?.id ?? t.id })),
      )
    : [];
  await store.update((s) => {
    s.versions[version.id] = version;
    for (const table of copies) s.tables[table.id] = table;
    // Raw files are copied into the new version's table under fresh ids.
    for (const file of rawFileCopies) {
      const id = `${file.id.split('-')[0] ?? file.id}-${store.newId().slice(0, 9)}.${file.id.split('.')[1] ?? ''}`;
      s.rawFiles[id] = { ...file, id };
    }
  });
  return version;
}

export const versionsRoutes: RouteModule = {
  register(router) {
    router.add('GET', '/api/v1/datasets/:dataset/versions', (ctx) => {
      const target = resolveDatasetParam(ctx);
      const canEdit = rank(target.access.effective) >= rank('edit');
      const versions = datasetVersions(ctx.deps.store.state, target.dataset.id)
        .filter((v) => !v.isDeleted && (v.isReleased || canEdit))
        .reverse();
      const sctx = serializeContext(ctx);
      sendPage(ctx, 'versionList', versions, (v) => versionJson(v, target.dataset, sctx));
    });

    router.add('POST', '/api/v1/datasets/:dataset/versions', async (ctx) => {
      const target = editTarget(ctx);
      sendVersion(ctx, target, await createNextVersion(ctx, target));
    });

    router.add('POST', '/api/v1/datasets/:dataset/versions/next/release', async (ctx) => {
      const target = editTarget(ctx);
      const body = await ctx.readJson(
        z.object({
          releaseNotes: z.string().max(10_000).nullable().optional(),
          label: z.string().nullable().optional(),
        }),
      );
      const state = ctx.deps.store.state;
      const next = nextVersion(state, target.dataset.id);
      if (!next) throw new ApiError(400, 'invalid_request', 'This dataset has no next version to release');
      const draftTables = new Set(tablesInVersionOf(state, next.id).map((t) => t.id));
      const pending = Object.values(state.uploads).some(
        (u) => (u.status === 'queued' || u.status === 'running') && draftTables.has(u.tableId),
      );
      if (pending)
        throw new ApiError(400, 'invalid_request', 'Uploads are still processing in the next version');
      const now = ctx.deps.now();
      await ctx.deps.store.update(() => {
        next.tag = nextReleaseTag(datasetVersions(state, target.dataset.id));
        next.isReleased = true;
        next.releasedAt = now;
        next.updatedAt = now;
        if (body.releaseNotes !== undefined) next.releaseNotes = body.releaseNotes;
        if (body.label !== undefined) next.label = body.label;
      });
      sendVersion(ctx, target, next);
    });

    router.add('POST', '/api/v1/datasets/:dataset/versions/current/unrelease', async (ctx) => {
      const target = editTarget(ctx);
      const state = ctx.deps.store.state;
      const current = currentVersion(state, target.dataset.id);
      if (!current) throw new ApiError(400, 'invalid_request', 'This dataset has no released version');
      if (nextVersion(state, target.dataset.id)) {
        throw new ApiError(409, 'conflict', 'Delete the existing next version before unreleasing');
      }
      if (ctx.deps.now() - (current.releasedAt ?? 0) > UNRELEASE_WINDOW_MS) {
        throw new ApiError(
          400,
          'invalid_request',
          'Only versions released within the last 7 days can be unreleased',
        );
      }
      await ctx.deps.store.update(() => {
        current.tag = 'next';
        current.isReleased = false;
        current.releasedAt = null;
        current.updatedAt = ctx.deps.now();
      });
      sendVersion(ctx, target, current);
    });

    router.add('GET', '/api/v1/datasets/:dataset/versions/:tag', (ctx) => {
      const target = resolveDatasetParam(ctx);
      sendVersion(ctx, target, findVersion(ctx, target));
    });

    router.add('PATCH', '/api/v1/datasets/:dataset/versions/:tag', async (ctx) => {
      const target = editTarget(ctx);
      const version = findVersion(ctx, target);
      const body = await ctx.readJson(
        z.object({
          label: z.string().max(200).nullable().optional(),
          releaseNotes: z.string().max(10_000).nullable().optional(),
        }),
      );
      await ctx.deps.store.update(() => {
        if (body.label !== undefined) version.label = body.label;
        if (body.releaseNotes !== undefined) version.releaseNotes = body.releaseNotes;
        version.updatedAt = ctx.deps.now();
      });
      sendVersion(ctx, target, version);
    });

    router.add('DELETE', '/api/v1/datasets/:dataset/versions/:tag', async (ctx) => {
      const target = editTarget(ctx);
      const version = findVersion(ctx, target);
      const body = versionJson(version, target.dataset, serializeContext(ctx));
      await ctx.deps.store.update((s) => {
        if (version.isReleased) {
          version.isDeleted = true;
          version.updatedAt = ctx.deps.now();
          return;
        }
        for (const table of tablesInVersionOf(s, version.id)) table.isDeleted = true;
        delete s.versions[version.id];
      });
      ctx.sendJson(200, { ...body, isDeleted: true });
    });

    router.add('POST', '/api/v1/datasets/:dataset/versions/:tag/undelete', async (ctx) => {
      const target = editTarget(ctx);
      const version = findVersion(ctx, target, true);
      await ctx.deps.store.update(() => {
        version.isDeleted = false;
        version.updatedAt = ctx.deps.now();
      });
      sendVersion(ctx, target, version);
    });
  },
};
