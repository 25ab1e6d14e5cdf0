import { describe, expect, it } from 'vitest';
import { backendText, viewCountText } from './viewStatusText';

describe('view status text', () => {
  it('says where the view was computed', () => {
    const both = { sorting: [{ id: 'id', desc: true }], filters: [{ column: 'c', op: 'isNull' as const }] };
    expect(backendText(both, 'redivis', false)).toBe('Sorted and filtered on Redivis');
    expect(backendText({ ...both, filters: [] }, 'loaded', true)).toBe(
      'Sorted in the loaded rows (the whole table)',
    );
    expect(backendText({ ...both, sorting: [] }, 'loaded', false)).toBe('Filtered in the loaded rows');
  });

  it('counts the whole view on Redivis and the matches among loaded rows locally', () => {
    expect(viewCountText('redivis', 125_000, 100_000, 1_000_000)).toBe(
      '125,000 of 1,000,000 rows in this view',
    );
    expect(viewCountText('loaded', 12, 150)).toBe('12 of 150 loaded rows in this view');
  });
});
