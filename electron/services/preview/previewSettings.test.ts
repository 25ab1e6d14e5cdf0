import { describe, expect, it } from 'vitest';
import { memorySettings } from '../settings/settingsStore';
import { MAX_REMEMBERED_VIEWS, PreviewSettings } from './previewSettings';

const view = (width: number) => ({
  columnOrder: ['b', 'a'],
  columnSizes: { a: width },
  hidden: ['c'],
  sorting: [{ id: 'a', desc: true }],
});

describe('PreviewSettings', () => {
  it('defaults the row cap to 100,000 and remembers a new one', () => {
    const store = memorySettings();
    expect(new PreviewSettings(store).options()).toEqual({ rowCap: 100_000 });
    new PreviewSettings(store).setOptions({ rowCap: 2_000 });
    expect(new PreviewSettings(store).options()).toEqual({ rowCap: 2_000 });
  });

  it('remembers each table layout, matching references case-insensitively', () => {
    const settings = new PreviewSettings(memorySettings());
    expect(settings.loadView('demo.iris_species.iris')).toBeNull();
    settings.saveView('Demo.Iris_Species.Iris', view(180));
    expect(settings.loadView('demo.iris_species.iris')).toEqual(view(180));
  });

  it('ignores a damaged stored layout and forgets the oldest beyond the limit', () => {
    const store = memorySettings({ 'preview.views': { t: { view: { columnOrder: 5 }, savedAt: 1 } } });
    let clock = 0;
    const settings = new PreviewSettings(store, () => ++clock);
    expect(settings.loadView('t')).toBeNull();
    for (let i = 0; i <= MAX_REMEMBERED_VIEWS; i++) settings.saveView(`table${i}`, view(100));
    expect(settings.loadView('table0')).toBeNull();
    expect(settings.loadView(`table${MAX_REMEMBERED_VIEWS}`)).toEqual(view(100));
    expect(Object.keys(store.get('preview.views') as object)).toHaveLength(MAX_REMEMBERED_VIEWS);
  });
});
