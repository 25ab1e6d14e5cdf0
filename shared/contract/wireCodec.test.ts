import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from './wireCodec';

describe('wire codec', () => {
  it('sends plain messages as JSON text', () => {
    const message = { type: 'result', id: 3, outcome: { ok: true, value: { a: [1, 'x', null] } } };
    const encoded = encodeMessage(message);
    expect(typeof encoded).toBe('string');
    expect(decodeMessage(encoded)).toEqual(message);
  });

  it('carries binary fields as raw bytes, in place, in one frame', () => {
    const first = new Uint8Array([1, 2, 3, 255]);
    const second = new Uint8Array(100_000).fill(7);
    const message = { type: 'event', payload: { batch: first, nested: [{ more: second }], n: 2 } };
    const encoded = encodeMessage(message);
    expect(encoded).toBeInstanceOf(Uint8Array);
    expect((encoded as Uint8Array).byteLength).toBeGreaterThan(100_000);
    const decoded = decodeMessage(encoded) as typeof message;
    expect(Array.from(decoded.payload.batch)).toEqual([1, 2, 3, 255]);
    expect(decoded.payload.nested[0]?.more.byteLength).toBe(100_000);
    expect(decoded.payload.n).toBe(2);
  });

  it('starts every binary field at a multiple of 8 bytes, so Arrow reads it without a copy', () => {
    const odd = [new Uint8Array([1, 2, 3]), new Uint8Array(13).fill(9), new Uint8Array([4])];
    for (const label of ['x', 'xy', 'xyz', 'é', 'x'.repeat(37)]) {
      const encoded = encodeMessage({ type: 'event', label, payload: { odd } }) as Uint8Array;
      // A copy at offset 0, as a WebSocket hands the page a frame of its own.
      const frame = new Uint8Array(encoded);
      const decoded = decodeMessage(frame) as { label: string; payload: { odd: Uint8Array[] } };
      expect(decoded.label).toBe(label);
      expect(decoded.payload.odd.map((bin) => bin.byteOffset % 8)).toEqual([0, 0, 0]);
      expect(decoded.payload.odd.map((bin) => Array.from(bin))).toEqual(odd.map((bin) => Array.from(bin)));
    }
  });

  it('rejects malformed frames with a clear error', () => {
    expect(() => decodeMessage(new Uint8Array([0, 0]))).toThrow(/too short/);
    expect(() => decodeMessage(new Uint8Array([0, 0, 1, 0, 123]))).toThrow(/header length/);
    const header = new TextEncoder().encode(JSON.stringify({ message: { a: { $bin: 0 } }, bins: [50] }));
    const frame = new Uint8Array(4 + header.byteLength + 10);
    new DataView(frame.buffer).setUint32(0, header.byteLength);
    frame.set(header, 4);
    expect(() => decodeMessage(frame)).toThrow(/overruns/);
    expect(() => decodeMessage('{not json')).toThrow();
  });
});
