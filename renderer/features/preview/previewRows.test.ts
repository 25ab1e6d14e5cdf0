import {
  DateDay,
  Field,
  Int64,
  makeVector,
  Schema,
  Table,
  tableFromArrays,
  tableToIPC,
  TimeMicrosecond,
  TimestampMicrosecond,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { formatCell, formatDateTime, formatTime } from './cellFormat';
import { toTsv, tsvField } from './copyTsv';
import { PreviewRows } from './previewRows';
import { sortPermutation } from './sortRows';

function ipc(columns: Parameters<typeof tableFromArrays>[0]): Uint8Array {
  return tableToIPC(tableFromArrays(columns), 'stream');
}

describe('PreviewRows', () => {
  it('reads cells across chunks, including bytes at an unaligned offset', () => {
    const rows = new PreviewRows();
    rows.append(ipc({ x: Float64Array.from([1, 2, 3]), s: ['a', 'b', null] }));
    const second = ipc({ x: Float64Array.from([4, 5]), s: ['d', 'e'] });
    // A view at offset 3 of a bigger frame, as the WebSocket transport hands bytes over.
    const frame = new Uint8Array(second.byteLength + 3);
    frame.set(second, 3);
    rows.append(frame.subarray(3));
    expect(rows.numRows).toBe(5);
    expect([0, 1, 2, 3, 4].map((r) => rows.value(r, 'x'))).toEqual([1, 2, 3, 4, 5]);
    expect(rows.value(2, 's')).toBeNull();
    expect(rows.value(4, 's')).toBe('e');
    expect(rows.value(5, 'x')).toBeNull();
  });

  it('reconciles chunks whose schemas differ by column name', () => {
    const rows = new PreviewRows();
    rows.append(ipc({ a: Float64Array.from([1]) }));
    rows.append(ipc({ b: ['late'], a: Float64Array.from([2]) }));
    expect(rows.columnNames()).toEqual(['a', 'b']);
    expect(rows.value(0, 'b')).toBeNull();
    expect(rows.value(1, 'b')).toBe('late');
    expect(rows.columnValues('b')).toEqual([null, 'late']);
  });

  it('sorts loaded rows stably with nulls last, without moving them', () => {
    const rows = new PreviewRows();
    rows.append(ipc({ n: [3, null, 1, 2, 1], s: ['c', 'x', 'b', 'a', 'a'] }));
    expect(Array.from(sortPermutation(rows, [{ id: 'n', desc: false }]))).toEqual([2, 4, 3, 0, 1]);
    expect(Array.from(sortPermutation(rows, [{ id: 'n', desc: true }]))).toEqual([0, 3, 2, 4, 1]);
    expect(
      Array.from(
        sortPermutation(rows, [
          { id: 'n', desc: false },
          { id: 's', desc: true },
        ]),
      ),
    ).toEqual([2, 4, 3, 0, 1]);
    expect(Array.from(sortPermutation(rows, [{ id: 'gone', desc: false }]))).toEqual([0, 1, 2, 3, 4]);
    expect(rows.value(0, 'n')).toBe(3);
  });
});

describe('cell formatting', () => {
  it('formats Arrow temporal types as Redivis writes them', () => {
    const schema = new Schema([
      new Field('d', new DateDay()),
      new Field('ts', new TimestampMicrosecond()),
      new Field('t', new TimeMicrosecond()),
      new Field('i', new Int64()),
    ]);
    const table = new Table(schema, {
      d: vectorFromArray([new Date(Date.UTC(2020, 0, 2))], new DateDay()),
      ts: makeVector({
        type: new TimestampMicrosecond(),
        data: BigInt64Array.from([1_577_836_837_000_123n]),
      }),
      t: makeVector({ type: new TimeMicrosecond(), data: BigInt64Array.from([23_606_000_001n]) }),
      i: makeVector({ type: new Int64(), data: BigInt64Array.from([9_007_199_254_740_993n]) }),
    });
    const rows = new PreviewRows();
    rows.append(tableToIPC(table, 'stream'));
    const cell = (name: string) => formatCell(rows.value(0, name), rows.columnType(name));
    expect(cell('d')).toEqual({ text: '2020-01-02', kind: 'date' });
    expect(cell('ts')).toEqual({ text: '2020-01-01 00:00:37.000123', kind: 'date' });
    expect(cell('t')).toEqual({ text: '06:33:26.000001', kind: 'date' });
    expect(cell('i')).toEqual({ text: '9007199254740993', kind: 'number' });
  });

  it('marks nulls and keeps plain values', () => {
    expect(formatCell(null, undefined)).toEqual({ text: '', kind: 'null' });
    expect(formatDateTime(Date.UTC(1999, 11, 31, 23, 59, 59))).toBe('1999-12-31 23:59:59');
    expect(formatTime(0)).toBe('00:00:00');
  });
});

describe('TSV copy', () => {
  it('writes a header line and quotes fields that would break the layout', () => {
    expect(tsvField('plain')).toBe('plain');
    expect(tsvField('a\tb')).toBe('"a\tb"');
    expect(tsvField('say "hi"\n')).toBe('"say ""hi""\n"');
    const text = toTsv(['x', 'y'], 2, (r, c) => `${r}${c}`);
    expect(text).toBe('x\ty\n00\t01\n10\t11\n');
  });
});
