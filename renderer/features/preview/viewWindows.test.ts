import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { RedivisClient } from '../../../shared/contract';
import { setClient } from '../../ui/client';
import { ViewWindows, WINDOW_ROWS } from './viewWindows';

/** A stand-in for the Node side: answers each window with ids offset+1…, when the test lets it. */
function fakeWindows() {
  const asked: { offset: number; limit: number; release(): void }[] = [];
  const client = {
    preview: {
      window: ({ offset, limit }: { offset: number; limit: number }) =>
        new Promise<{ rows: number; ipc: Uint8Array }>((resolve) => {
          const ids = Float64Array.from({ length: limit }, (_, i) => offset + i + 1);
          asked.push({
            offset,
            limit,
            release: () => resolve({ rows: limit, ipc: tableToIPC(tableFromArrays({ id: ids }), 'stream') }),
          });
        }),
    },
  };
  setClient(client as unknown as RedivisClient);
  return asked;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ViewWindows', () => {
  it('fetches the windows a jump lands on, at most two at a time, and keeps them', async () => {
    const asked = fakeWindows();
    let changes = 0;
    const windows = new ViewWindows(
      't',
      { sorting: [{ id: 'id', desc: true }], filters: [] },
      () => changes++,
      () => undefined,
    );
    // Rows below 1,000 are streamed already; a jump to the end asks only for the end.
    windows.request(0, 40, 1000);
    expect(asked).toHaveLength(0);
    windows.request(999_980, 1_000_000, 1000);
    windows.request(500_000, 500_040, 1000);
    expect(asked.map((a) => a.offset)).toEqual([999_500, 500_000]);
    expect(asked.every((a) => a.limit === WINDOW_ROWS)).toBe(true);
    expect(windows.has(999_999)).toBe(false);
    // A third window waits for one of the two to finish.
    windows.request(200_000, 200_040, 1000);
    expect(asked).toHaveLength(2);
    asked[0]?.release();
    await settle();
    expect(changes).toBe(1);
    expect(windows.has(999_999)).toBe(true);
    expect(windows.value(999_999, 'id')).toBe(1_000_000);
    expect(asked.map((a) => a.offset)).toEqual([999_500, 500_000, 200_000]);
    // A window already here is never asked for again.
    windows.request(999_990, 1_000_000, 1000);
    expect(asked).toHaveLength(3);
    windows.dispose();
  });
});
