import { expect, it } from 'vitest';
import type { Job } from '../../../shared/contract/jobModel';
import { defaultFileName, withFormatExtension } from './exportNaming';
import { formatBytes, formatDuration, jobFraction, jobNumbers } from './jobText';

const job = (over: Partial<Job>): Job => ({
  id: 'j',
  kind: 'export',
  title: 't',
  status: 'running',
  bytesDone: 0,
  rowsDone: 0,
  startedAt: 0,
  retryable: false,
  ...over,
});

it('describes progress in rows, bytes, rate and time left', () => {
  expect(
    jobNumbers(
      job({ rowsDone: 1500, rowsTotal: 3000, bytesDone: 2_500_000, rate: 1_200_000, secondsLeft: 75 }),
    ),
  ).toBe('1,500 of 3,000 rows · 2.5 MB · 1.2 MB/s · 1 min 15 s left');
  expect(jobNumbers(job({ status: 'succeeded', rowsDone: 10, rowsTotal: 10, bytesDone: 999, rate: 5 }))).toBe(
    '10 of 10 rows · 999 B',
  );
  expect(jobFraction(job({ bytesDone: 50, bytesTotal: 200, rowsDone: 9, rowsTotal: 10 }))).toBe(0.25);
  expect(jobFraction(job({ rowsDone: 9, rowsTotal: 10 }))).toBe(0.9);
  expect(jobFraction(job({}))).toBeUndefined();
  expect(formatBytes(1_234_567_890)).toBe('1.2 GB');
  expect(formatDuration(7300)).toBe('2 h 2 min');
});

it('names files after the table and follows format changes', () => {
  expect(defaultFileName('Iris: species/2024', 'csv')).toBe('Iris_ species_2024.csv');
  expect(defaultFileName('  ', 'parquet')).toBe('table.parquet');
  expect(withFormatExtension('iris.csv', 'csv', 'server_parquet')).toBe('iris.parquet');
  expect(withFormatExtension('my notes.txt', 'csv', 'arrow')).toBe('my notes.txt');
});
