import { expect, it } from 'vitest';
import { queryStatusText } from './queryStatusText';

const start = 1_000_000;

it('says in plain words where a run stands', () => {
  expect(queryStatusText({ runId: 'r', status: 'queued', startedAt: start }, start + 12_400)).toBe(
    'Queued on Redivis (it runs up to 5 queries per person at a time) · 12 s',
  );
  expect(queryStatusText({ runId: 'r', status: 'running', startedAt: start }, start + 75_000)).toBe(
    'Running on Redivis · 1 min 15 s',
  );
  expect(
    queryStatusText(
      {
        runId: 'r',
        status: 'completed',
        startedAt: start,
        finishedAt: start + 3_000,
        outputNumRows: 1234,
        outputNumBytes: 2_202_009,
      },
      start + 99_000,
    ),
  ).toBe('1,234 rows · 2.1 MB · ran in 3 s');
  expect(
    queryStatusText(
      {
        runId: 'r',
        status: 'failed',
        startedAt: start,
        error: { code: 'bad_input', message: 'Syntax error at [2:17]' },
        errorPosition: { line: 2, column: 17 },
      },
      start,
    ),
  ).toBe('The query failed (line 2, column 17): Syntax error at [2:17]');
});
