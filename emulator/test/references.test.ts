import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTableReference, escapeName } from '../src/refs/referenceGrammar.js';
import { startHarness, type Harness } from './emulatorHarness.js';

describe('reference grammar', () => {
  it('parses versions, reference ids and sample flags', () => {
    expect(parseTableReference('demo.iris_species:abcd:v1.0.iris:wxyz')).toEqual({
      owner: 'demo',
      container: { name: 'iris_species', referenceId: 'abcd', sample: false, version: 'v1.0' },
      table: { name: 'iris', referenceId: 'wxyz', sample: false },
    });
    expect(parseTableReference('Demo.Large sample:sample:v1_0.measurements').container).toEqual({
      name: 'Large sample',
      referenceId: null,
      sample: true,
      version: 'v1.0',
    });
    expect(parseTableReference('demo.ds:next.t:sample').table.sample).toBe(true);
    expect(parseTableReference('demo.ds:current.t').container.version).toBe('current');
  });

  it('escapes names like Redivis', () => {
    expect(escapeName("Ian's  dataset (2024)")).toBe('ian_s_dataset_2024');
  });

  it('rejects malformed references', () => {
    expect(() => parseTableReference('demo.iris_species')).toThrow(/Invalid reference/);
    expect(() => parseTableReference('de-mo.x.y')).toThrow(/owner/);
    expect(() => parseTableReference('demo.ds:v1.0:!!.t')).toThrow(/unexpected/);
    expect(() => parseTableReference('demo..t')).toThrow(/empty/);
  });
});

describe('reference resolution over HTTP', () => {
  let h: Harness;
  let iris: Record<string, unknown>;
  beforeAll(async () => {
    h = await startHarness();
    iris = await h.json('/tables/demo.iris_species.iris');
  });
  afterAll(async () => {
    await h.stop();
  });

  const sameTable = async (ref: string): Promise<void> => {
    const res = await h.api(`/tables/${ref}`);
    expect(res.status, ref).toBe(200);
    expect(((await res.json()) as { id: string }).id, ref).toBe(iris.id);
  };

  it('accepts display names, escaped names, any case, encoded or literal colons', async () => {
    const [dsRef] = String(iris.qualifiedReference).split('.');
    expect(dsRef).toBe('demo');
    await sameTable('DEMO.Iris%20species.IRIS');
    await sameTable('demo.iris_species:v2_0.iris');
    await sameTable('demo.iris_species%3Av2.0.iris');
    await sameTable(encodeURIComponent(String(iris.qualifiedReference)));
    await sameTable(String(iris.qualifiedReference));
    await sameTable('demo.iris_species:current.iris');
  });

  it('resolves older versions and rejects unknown ones', async () => {
    const v1 = await h.json('/tables/demo.iris_species:v1_0.iris');
    expect(v1.id).not.toBe(iris.id);
    expect(v1.referenceId).toBe(iris.referenceId);
    expect((await h.api('/tables/demo.iris_species:v7_0.iris')).status).toBe(404);
  });

  it('answers 400 for malformed references and 404 for unknown names', async () => {
    const bad = await h.api('/tables/demo.iris_species');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_reference', status: 400 });
    expect((await h.api('/tables/demo.no_such_dataset.iris')).status).toBe(404);
    expect((await h.api('/tables/demo.iris_species.no_such_table')).status).toBe(404);
    expect((await h.api('/datasets/a.b.c')).status).toBe(400);
  });

  it('honours exactReferences and strictReferences', async () => {
    expect((await h.api('/tables/demo.iris_species.iris?exactReferences=true')).status).toBe(400);
    const exact = String(iris.qualifiedReference);
    expect((await h.api(`/tables/${exact}?exactReferences=true`)).status).toBe(200);
    const renamed = exact.replace('iris_species', 'wrong_name');
    expect((await h.api(`/tables/${renamed}`)).status).toBe(200);
    expect((await h.api(`/tables/${renamed}?strictReferences=true`)).status).toBe(400);
  });

  it('serves sample tables on the dataset or the table', async () => {
    const a = await h.json('/tables/demo.large_sample:sample.measurements');
    const b = await h.json('/tables/demo.large_sample.measurements:sample');
    expect(a).toMatchObject({ isSample: true, numRows: 50 });
    expect(b).toMatchObject({ isSample: true, numRows: 50 });
    expect((await h.api('/tables/demo.iris_species:sample.iris')).status).toBe(404);
  });
});
