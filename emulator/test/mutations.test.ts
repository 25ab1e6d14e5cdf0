import { RecordBatchReader } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startHarness, type Harness } from './emulatorHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const patch = (body: unknown): RequestInit => ({ method: 'PATCH', body: JSON.stringify(body) });

describe('dataset lifecycle', () => {
  it('creates a dataset, a table in next, releases, edits and deletes it', async () => {
    const created = await h.api(
      '/users/demo_user/datasets',
      post({ name: 'Field notes 2024', publicAccessLevel: 'none', description: 'Notes' }),
    );
    expect(created.status).toBe(200);
    const ds = (await created.json()) as Record<string, unknown>;
    expect(ds).toMatchObject({
      name: 'Field notes 2024',
      nextVersion: { tag: 'next' },
      version: { tag: 'next' },
    });
    const dup = await h.api('/users/demo_user/datasets', post({ name: 'field-notes 2024' }));
    expect(dup.status).toBe(409);

    const table = await h.api(
      '/datasets/demo_user.field_notes_2024:next/tables',
      post({ name: 'Observations', isFileIndex: false }),
    );
    expect(table.status).toBe(200);
    expect(await table.json()).toMatchObject({
      name: 'Observations',
      uploadMergeStrategy: 'append',
      numRows: 0,
    });
    const t = await h.json(
      '/tables/demo_user.field_notes_2024:next.observations',
      patch({ description: 'Birds seen' }),
    );
    expect(t.description).toBe('Birds seen');

    const released = await h.json(
      '/datasets/demo_user.field_notes_2024/versions/next/release',
      post({ releaseNotes: 'First' }),
    );
    expect(released).toMatchObject({ kind: 'version', tag: 'v1.0', isReleased: true, releaseNotes: 'First' });
    expect(released.datasetUri).toMatch(/:v1_0$/);
    const after = await h.json('/datasets/demo_user.field_notes_2024');
    expect(after).toMatchObject({ version: { tag: 'v1.0' }, nextVersion: null });

    const writeReleased = await h.api(
      '/tables/demo_user.field_notes_2024.observations',
      patch({ description: 'x' }),
    );
    expect(writeReleased.status).toBe(400);
    expect(await writeReleased.json()).toMatchObject({ error: 'version_released' });

    const unreleased = await h.json(
      '/datasets/demo_user.field_notes_2024/versions/current/unrelease',
      post({}),
    );
    expect(unreleased).toMatchObject({ tag: 'next', isReleased: false });

    const updated = await h.json(
      '/datasets/demo_user.field_notes_2024',
      patch({ description: 'Updated', publicAccessLevel: 'overview' }),
    );
    expect(updated).toMatchObject({ description: 'Updated', publicAccessLevel: 'overview' });
    const tooLong = await h.api(
      '/datasets/demo_user.field_notes_2024',
      patch({ description: 'x'.repeat(300) }),
    );
    expect(tooLong.status).toBe(400);

    const deleted = await h.api('/datasets/demo_user.field_notes_2024', { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await deleted.json()).toMatchObject({ kind: 'dataset', isDeleted: true });
    expect((await h.api('/datasets/demo_user.field_notes_2024')).status).toBe(404);
  });

  it('creates a next version that inherits the current tables and rows', async () => {
    expect((await h.api('/tables/demo_user.scratch:next.notes')).status).toBe(404);
    const version = await h.json('/datasets/demo_user.scratch/versions', post({}));
    expect(version).toMatchObject({ tag: 'next', isReleased: false });
    const again = await h.api('/datasets/demo_user.scratch/versions', post({}));
    expect(again.status).toBe(409);
    const table = await h.json('/tables/demo_user.scratch:next.notes');
    expect(table).toMatchObject({ numRows: 3 });
    const current = await h.json('/tables/demo_user.scratch.notes');
    expect(current.referenceId).toBe(table.referenceId);
    expect(current.id).not.toBe(table.id);
    const deleted = await h.json('/datasets/demo_user.scratch/versions/next', { method: 'DELETE' });
    expect(deleted).toMatchObject({ kind: 'version', tag: 'next' });
    expect(String(deleted.uri)).toContain('/versions/next');
  });

  it('edits variables of draft tables and refuses unknown ones', async () => {
    const v = await h.json(
      '/tables/demo_user.my_uploads:next.survey_responses/variables/answer',
      patch({ label: 'The answer', valueLabels: [{ value: 'yes', label: 'Yes' }] }),
    );
    expect(v).toMatchObject({ label: 'The answer', valueLabels: [{ value: 'yes', label: 'Yes' }] });
    const unset = await h.json(
      '/tables/demo_user.my_uploads:next.survey_responses/variables/answer',
      patch({ label: null }),
    );
    expect(unset.label).toBeNull();
    const bulk = await h.api(
      '/tables/demo_user.my_uploads:next.survey_responses/variables',
      patch({ variables: [{ name: 'missing', label: 'x' }] }),
    );
    expect(bulk.status).toBe(400);
    const released = await h.api(
      '/tables/demo_user.my_uploads.survey_responses/variables/answer',
      patch({ label: 'x' }),
    );
    expect(released.status).toBe(400);
  });

  it('creates, renames and deletes tables in next', async () => {
    const created = await h.api(
      '/datasets/demo_user.my_uploads:next/tables',
      post({ name: 'Extra', uploadMergeStrategy: 'replace' }),
    );
    expect(created.status).toBe(200);
    const renamed = await h.json('/tables/demo_user.my_uploads:next.extra', patch({ name: 'Extra two' }));
    expect(renamed.name).toBe('Extra two');
    const bad = await h.api('/datasets/demo_user.my_uploads:next/tables', post({ name: '' }));
    expect(bad.status).toBe(400);
    const inReleased = await h.api('/datasets/demo_user.my_uploads:v1.0/tables', post({ name: 'Nope' }));
    expect(inReleased.status).toBe(400);
    const deleted = await h.api('/tables/demo_user.my_uploads:next.extra_two', { method: 'DELETE' });
    expect(await deleted.json()).toMatchObject({ kind: 'table', isDeleted: true });
    expect((await h.api('/tables/demo_user.my_uploads:next.extra_two')).status).toBe(404);
  });

  it('refuses edits by users without edit access', async () => {
    const bob = await h.emu.createApiToken('bob', ['data.edit']);
    const res = await h.api('/datasets/demo.iris_species', { ...patch({ description: 'x' }), token: bob });
    expect(res.status).toBe(403);
    const other = await h.api('/users/demo_user/datasets', { ...post({ name: 'Bobs' }), token: bob });
    expect(other.status).toBe(403);
  });
});

describe('releasing uploads with different schemas', () => {
  it('serves the released table with the union schema, nulls where an upload lacked a column', async () => {
    const released = await h.json('/datasets/demo.types_showcase/versions/next/release', post({}));
    expect(released.tag).toBe('v2.0');
    const res = await h.api(
      '/tables/demo.types_showcase:v2_0.all_types/readSessions',
      post({ requestedStreamCount: 1, selectedVariables: ['extra_note', 'id', 'location'] }),
    );
    const session = (await res.json()) as { numRows: number; streams: { id: string }[] };
    expect(session.numRows).toBe(1000);
    expect(session.streams).toHaveLength(1);
    const body = await h.api(`/readStreams/${session.streams[0]?.id}`);
    const batches = RecordBatchReader.from(new Uint8Array(await body.arrayBuffer())).readAll();
    expect(batches[0]?.schema.fields.map((f) => f.name)).toEqual(['extra_note', 'id', 'location']);
    const notes: unknown[] = [];
    const ids: number[] = [];
    for (const batch of batches) {
      for (let i = 0; i < batch.numRows; i++) {
        notes.push(batch.getChild('extra_note')?.get(i));
        ids.push(Number(batch.getChild('id')?.get(i)));
      }
    }
    expect(ids).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(notes.slice(0, 600).every((n) => n === null)).toBe(true);
    expect(notes[600]).toBe('note 601');
    expect(notes[999]).toBe('note 1000');
  });
});
