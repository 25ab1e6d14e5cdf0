import { expect, it } from 'vitest';
import { BufferSpares } from './bufferSpares';

it('gives back the smallest spare that fits, else a new buffer with room to spare', () => {
  const spares = new BufferSpares(4);
  const small = new ArrayBuffer(100);
  const large = new ArrayBuffer(1000);
  spares.give(large);
  spares.give(small);
  expect(spares.take(80)).toBe(small);
  expect(spares.take(80)).toBe(large);
  const fresh = spares.take(800);
  expect(fresh).not.toBe(small);
  expect(fresh.byteLength).toBe(900);
  expect(spares.size).toBe(0);
});

it('keeps at most its limit, dropping the smallest, and ignores buffers transferred away', () => {
  const spares = new BufferSpares(2);
  const sizes = [300, 100, 200];
  const buffers = sizes.map((size) => new ArrayBuffer(size));
  for (const buffer of buffers) spares.give(buffer);
  expect(spares.size).toBe(2);
  expect(spares.take(1)).toBe(buffers[2]);
  expect(spares.take(1)).toBe(buffers[0]);
  const moved = new ArrayBuffer(64);
  structuredClone(moved, { transfer: [moved] });
  spares.give(moved);
  expect(spares.size).toBe(0);
});
