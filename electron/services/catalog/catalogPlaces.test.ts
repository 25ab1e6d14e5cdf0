import { describe, expect, it } from 'vitest';
import { memorySettings } from '../settings/settingsStore';
import { CatalogPlacesStore } from './catalogPlaces';
import { PageLoads } from './pageLoads';
import { ResponseCache } from './responseCache';

describe('CatalogPlacesStore', () => {
  const demo = 'http://127.0.0.1:9999/api/v1';
  const make = (apiBase: string, settings = memorySettings()) => {
    let now = 1000;
    return new CatalogPlacesStore({
      settings,
      apiBase: () => apiBase,
      demoApiBase: demo,
      now: () => (now += 1),
    });
  };

  it('presets the demo organization only on the demo server', () => {
    expect(make(demo).places().organizations).toEqual([
      { name: 'demo', fullName: 'Demo Organization', source: 'preset' },
    ]);
    expect(make('https://redivis.com/api/v1').places().organizations).toEqual([]);
  });

  it('keeps places per server and survives a restart (same settings)', () => {
    const settings = memorySettings();
    const real = make('https://redivis.com/api/v1', settings);
    real.noteOrganization({ name: 'stanford', source: 'visited' });
    real.noteVisit({ kind: 'dataset', ref: 'stanford.x:ab12', name: 'X' });
    expect(make(demo, settings).places().recent).toEqual([]);
    const again = make('https://redivis.com/api/v1/', settings).places();
    expect(again.organizations).toEqual([{ name: 'stanford', source: 'visited' }]);
    expect(again.recent.map((r) => r.ref)).toEqual(['stanford.x:ab12']);
  });

  it('moves a revisited item to the top and caps the list', () => {
    const store = make(demo);
    for (let i = 0; i < 20; i++) store.noteVisit({ kind: 'table', ref: `t${i}`, name: `T${i}` });
    store.noteVisit({ kind: 'table', ref: 't10', name: 'T10' });
    const recent = store.places().recent;
    expect(recent).toHaveLength(15);
    expect(recent[0]?.ref).toBe('t10');
    expect(recent.filter((r) => r.ref === 't10')).toHaveLength(1);
  });

  it('lets an explicit add win over a visit and removes organizations', () => {
    const store = make('https://redivis.com/api/v1');
    expect(store.noteOrganization({ name: 'acme', source: 'visited' })).toBe(true);
    expect(store.noteOrganization({ name: 'ACME', source: 'visited' })).toBe(false);
    store.noteOrganization({ name: 'acme', source: 'added', fullName: 'Acme' });
    expect(store.places().organizations).toEqual([{ name: 'acme', source: 'added', fullName: 'Acme' }]);
    store.noteOrganization({ name: 'acme', source: 'visited' });
    expect(store.places().organizations[0]?.source).toBe('added');
    store.removeOrganization('Acme');
    expect(store.places().organizations).toEqual([]);
  });

  it('ignores corrupt stored data', () => {
    const settings = memorySettings({ 'catalog.places': { x: 'nonsense' } });
    expect(make(demo, settings).places().recent).toEqual([]);
  });
});

describe('PageLoads', () => {
  it('aborts every request of a cancelled view and refuses late ones', () => {
    const loads = new PageLoads();
    const a = loads.signalFor('w1', 'v1');
    const b = loads.signalFor('w1', 'v1');
    const other = loads.signalFor('w2', 'v1');
    expect(a).toBe(b);
    loads.cancel('w1', 'v1');
    expect(a?.aborted).toBe(true);
    expect(other?.aborted).toBe(false);
    expect(() => loads.signalFor('w1', 'v1')).toThrow('Cancelled');
    expect(loads.signalFor('w1', undefined)).toBeUndefined();
  });
});

describe('ResponseCache', () => {
  it('caches only answers about a pinned released version, and only for a while', async () => {
    let now = 0;
    const cache = new ResponseCache(1000, 10, () => now);
    let calls = 0;
    const load = async () => ++calls;
    expect(ResponseCache.cacheable('/tables/demo.iris%3Av1_0.iris')).toBe(true);
    expect(ResponseCache.cacheable('/datasets/demo.iris:next/tables')).toBe(false);
    expect(ResponseCache.cacheable('/datasets/demo.iris')).toBe(false);
    expect(ResponseCache.cacheable('/users/me')).toBe(false);
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    now = 1001;
    expect(await cache.get('k', load)).toBe(2);
  });
});
