import {
  Int32,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  Utf8,
  tableFromArrays,
  vectorFromArray,
} from 'apache-arrow';
import { expect, it } from 'vitest';
import { targetSchema } from './arrowTypes';
import { reconcileBatch } from './batchReconciler';

const schema = targetSchema([
  { name: 'id', type: 'integer' },
  { name: 'score', type: 'float' },
  { name: 'wake', type: 'time' },
  { name: 'seen', type: 'dateTime' },
  { name: 'note', type: 'string' },
]);

function values(batch: ReturnType<typeof reconcileBatch>, name: string): unknown[] {
  return Array.from(batch.getChild(name) ?? [], (v) => (typeof v === 'bigint' ? v.toString() : v));
}

it('reorders, matches names case-insensitively, adds missing columns as nulls and casts types', () => {
  const source = new Table({
    WAKE: vectorFromArray(['06:30:00', null, '23:59:59.5'], new Utf8()),
    Score: vectorFromArray([1, 2, null], new Int32()),
    ID: vectorFromArray(['7', '8', '9'], new Utf8()),
    seen: vectorFromArray([Date.UTC(2020, 0, 2, 3, 4, 5), null, 0], new TimestampMillisecond()),
  }).batches[0];
  if (!source) throw new Error('no batch');
  const batch = reconcileBatch(source, schema);
  expect(batch.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(
    schema.fields.map((f) => `${f.name}:${f.type}`),
  );
  expect(values(batch, 'id')).toEqual(['7', '8', '9']);
  expect(values(batch, 'score')).toEqual([1, 2, null]);
  const wake = batch.getChild('wake')?.data[0];
  expect(Array.from(wake?.values as BigInt64Array).slice(0, 3)).toEqual([
    23_400_000_000n,
    0n,
    86_399_500_000n,
  ]);
  expect(wake?.getValid(1)).toBe(false);
  const seen = batch.getChild('seen')?.data[0];
  expect((seen?.values as BigInt64Array)[0]).toBe(BigInt(Date.UTC(2020, 0, 2, 3, 4, 5)) * 1000n);
  expect(values(batch, 'note')).toEqual([null, null, null]);
});

it('reuses columns whose type already matches, and returns a conforming batch as is', () => {
  const batch = tableFromArrays({ score: Float64Array.of(1.5, 2.5) }).batches[0];
  if (!batch) throw new Error('no batch');
  const target = targetSchema([{ name: 'score', type: 'float' }]);
  const reconciled = reconcileBatch(batch, target);
  expect(reconciled.data.children[0]).toBe(batch.data.children[0]);
  expect(reconcileBatch(reconciled, target)).toBe(reconciled);
});

it('treats a time zone of null and undefined as the same (no cast, columns reused)', () => {
  const seen = vectorFromArray([1, 2], new TimestampMicrosecond());
  (seen.type as unknown as { timezone: string | null }).timezone = null;
  const batch = new Table({ seen }).batches[0];
  if (!batch) throw new Error('no batch');
  const target = targetSchema([{ name: 'seen', type: 'dateTime' }]);
  expect(reconcileBatch(batch, target).data.children[0]).toBe(batch.data.children[0]);
});
