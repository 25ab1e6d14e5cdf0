import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OutputFile } from './outputFile';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rd-output-file-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

it('keeps every byte in order while writes overlap and background flushes run', async () => {
  const path = join(folder, 'ordered.bin');
  const file = await OutputFile.create(path);
  const expected: Buffer[] = [];
  // 80 MB in pieces of varying size: more than the write queue and several background flushes.
  for (let i = 0; i < 160; i++) {
    const piece = Buffer.alloc(256 * 1024 + ((i * 7919) % 65_536), i % 251);
    expected.push(piece);
    await file.write([piece.subarray(0, 1000), piece.subarray(1000)]);
  }
  await file.close(true);
  const written = await readFile(path);
  const whole = Buffer.concat(expected);
  expect(file.bytesWritten).toBe(whole.byteLength);
  expect(written.equals(whole)).toBe(true);
});

it('releases the buffers of each write only once their bytes are in the file', async () => {
  const path = join(folder, 'released.bin');
  const file = await OutputFile.create(path);
  const pieces = Array.from({ length: 12 }, (_, i) => Buffer.alloc(4 * 1024 * 1024, i + 1));
  const seen: number[] = [];
  for (const [i, piece] of pieces.entries()) {
    await file.write([piece], () => {
      seen.push(i);
      // Overwriting a released buffer must not change what the file holds.
      piece.fill(0);
    });
  }
  await file.close(true);
  expect(seen.sort((a, b) => a - b)).toEqual(pieces.map((_, i) => i));
  const written = await readFile(path);
  for (const [i] of pieces.entries()) {
    const at = i * 4 * 1024 * 1024;
    expect(written[at]).toBe(i + 1);
    expect(written[at + 4 * 1024 * 1024 - 1]).toBe(i + 1);
  }
});

it('never opens a file that is already there', async () => {
  const path = join(folder, 'taken.bin');
  await writeFile(path, 'keep me');
  await expect(OutputFile.create(path)).rejects.toThrow();
  expect(await readFile(path, 'utf8')).toBe('keep me');
});
