import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { BatchAssembly } from './batchAssembly';

const ipc = tableToIPC(tableFromArrays({ id: Int32Array.from({ length: 5000 }, (_, i) => i) }), 'stream');

function parts(bytes: Uint8Array, size: number) {
  const out: { ipc: Uint8Array; part: { at: number; of: number } }[] = [];
  for (let at = 0; at < bytes.byteLength; at += size) {
    out.push({ ipc: bytes.slice(at, at + size), part: { at, of: bytes.byteLength } });
  }
  return out;
}

describe('BatchAssembly', () => {
  it('passes a whole batch through and joins parts into the stream they were cut from', () => {
    const assembly = new BatchAssembly();
    expect(assembly.add(ipc)).toBe(ipc);
    const pieces = parts(ipc, 1000);
    expect(pieces.length).toBeGreaterThan(3);
    const results = pieces.map((piece) => assembly.add(piece.ipc, piece.part));
    expect(results.slice(0, -1).every((result) => result === undefined)).toBe(true);
    const joined = results.at(-1);
    expect(joined).toEqual(ipc);
    const ids = tableFromIPC(joined!).getChild('id');
    expect([ids?.get(0), ids?.get(4999)]).toEqual([0, 4999]);
  });

  it('refuses parts that are missing or out of order instead of decoding garbage', () => {
    const [first, second, third] = parts(ipc, 1000);
    const skipping = new BatchAssembly();
    skipping.add(first!.ipc, first!.part);
    expect(() => skipping.add(third!.ipc, third!.part)).toThrow(/out of order/);
    expect(() => new BatchAssembly().add(second!.ipc, second!.part)).toThrow(/out of order/);
    const overrun = new BatchAssembly();
    expect(() => overrun.add(new Uint8Array(20), { at: 0, of: 10 })).toThrow(/overruns/);
  });
});
