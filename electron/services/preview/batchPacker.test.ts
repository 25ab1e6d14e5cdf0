import { tableFromArrays, tableFromIPC, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { BatchPacker } from './batchPacker';

function batch(columns: Record<string, Float64Array>): RecordBatch {
  const [first] = tableFromArrays(columns).batches;
  if (!first) throw new Error('no batch');
  return first;
}

const rows = (n: number, start = 0) => Float64Array.from({ length: n }, (_, i) => start + i);

describe('BatchPacker', () => {
  it('sends the first batch at once, then groups small batches until enough rows', () => {
    let clock = 0;
    const packer = new BatchPacker({ minRows: 100, maxWaitMs: 1000, now: () => clock });
    const first = packer.add(batch({ x: rows(10) }));
    expect(first.map((p) => p.rows)).toEqual([10]);
    expect(packer.add(batch({ x: rows(60, 10) }))).toEqual([]);
    const grouped = packer.add(batch({ x: rows(60, 70) }));
    expect(grouped.map((p) => p.rows)).toEqual([120]);
    const table = tableFromIPC(grouped[0]?.ipc ?? new Uint8Array());
    expect(table.numRows).toBe(120);
    expect(table.getChild('x')?.get(0)).toBe(10);
    expect(table.getChild('x')?.get(119)).toBe(129);
    clock = 5000;
    expect(packer.add(batch({ x: rows(1) })).map((p) => p.rows)).toEqual([1]);
    expect(packer.flush()).toEqual([]);
  });

  it('starts a new pack when the schema changes, as streams of unreleased tables do', () => {
    const packer = new BatchPacker({ minRows: 1000, now: () => 0 });
    packer.add(batch({ x: rows(5) }));
    expect(packer.add(batch({ x: rows(5) }))).toEqual([]);
    const packs = packer.add(batch({ x: rows(5), extra: rows(5) }));
    expect(packs.map((p) => p.rows)).toEqual([5]);
    const rest = packer.flush();
    expect(tableFromIPC(rest[0]?.ipc ?? new Uint8Array()).schema.fields.map((f) => f.name)).toEqual([
      'x',
      'extra',
    ]);
  });
});
