import { Table, vectorFromArray, Utf8 } from 'apache-arrow';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { streamBatchOf } from '../../redivis/streamBatch';
import { PooledTextWriter } from './textWriterPool';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rd-text-pool-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

function batchOf(first: number, rows: number) {
  const ids = Array.from({ length: rows }, (_, i) => first + i);
  const table = new Table({
    id: vectorFromArray(BigInt64Array.from(ids, BigInt)),
    note: vectorFromArray(
      ids.map((id) => `n${id}`),
      new Utf8(),
    ),
  });
  return { table, batch: streamBatchOf(table.batches[0]!) };
}

it.each(['csv', 'ndjson'] as const)(
  'three formatters finish out of order, and the %s still lists every batch in order',
  async (format) => {
    const path = join(folder, `ordered.${format}`);
    const { table } = batchOf(0, 1);
    const writer = await PooledTextWriter.open(format, path, table.schema, 3);
    // Batches of very different sizes, so later ones are often formatted first.
    let first = 0;
    for (let i = 0; i < 30; i++) {
      const rows = i % 3 === 0 ? 40_000 : 1 + i;
      await writer.write(batchOf(first, rows).batch);
      first += rows;
    }
    await writer.finish();
    expect(writer.rows).toBe(first);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    const ids = (format === 'csv' ? lines.slice(1) : lines).map((line) =>
      format === 'csv' ? Number(line.split(',')[0]) : Number((JSON.parse(line) as { id: string }).id),
    );
    expect(ids).toEqual(Array.from({ length: first }, (_, i) => i));
  },
);
