import type { GroupedBatches } from './batchGrouper';

/**
 * The most bytes one `preview.batch` event carries. A window takes each event in one task, and
 * receiving a few MB at once holds it for 100 ms and more (measured in Chromium over the
 * WebSocket: 2.4 MB frames gave 70–550 ms tasks, 256 KB frames of the same data 55–100 ms).
 */
export const PART_BYTES = 256 * 1024;

export interface BatchEvent {
  rows: number;
  ipc: Uint8Array;
  part?: { at: number; of: number };
}

/** A group as events: itself when small, else consecutive parts whose last one carries the rows. */
export function batchEvents(group: GroupedBatches, partBytes = PART_BYTES): BatchEvent[] {
  const { ipc, rows } = group;
  if (ipc.byteLength <= partBytes) return [{ rows, ipc }];
  const events: BatchEvent[] = [];
  for (let at = 0; at < ipc.byteLength; at += partBytes) {
    const end = Math.min(at + partBytes, ipc.byteLength);
    // A copy, not a view: a transport may send a view's whole underlying buffer.
    events.push({
      rows: end === ipc.byteLength ? rows : 0,
      ipc: ipc.slice(at, end),
      part: { at, of: ipc.byteLength },
    });
  }
  return events;
}
