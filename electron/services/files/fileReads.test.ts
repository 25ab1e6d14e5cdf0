import { describe, expect, it } from 'vitest';
import { csvTable } from './fileReads';

describe('CSV files as tables', () => {
  it('names columns from the header, makes all-number columns numbers and empty cells nulls', () => {
    const table = csvTable(
      Buffer.from('id,name,score\n1,"Smith, Ann",2.5\n2,,\n3,Lee,-1e3\n'),
      undefined,
      false,
    );
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
      ['id', 'Float64'],
      ['name', 'Utf8'],
      ['score', 'Float64'],
    ]);
    expect(table.numRows).toBe(3);
    expect(table.getChild('name')!.toArray()).toEqual(['Smith, Ann', null, 'Lee']);
    expect([...table.getChild('score')!]).toEqual([2.5, null, -1000]);
  });

  it('finds the delimiter, names blank and repeated headers, and drops a line cut at the end', () => {
    const table = csvTable(Buffer.from('a;a;\n1;x;y\n2;z;w\n3;partial'), undefined, true);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'a_', 'column_3']);
    expect(table.numRows).toBe(2);
    expect(table.getChild('a_')!.toArray()).toEqual(['x', 'z']);
  });

  it('keeps codes with leading zeros as text, and zero and decimals below one as numbers', () => {
    const table = csvTable(Buffer.from('zip,x\n02139,0\n10001,0.5\n'), undefined, false);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Float64']);
    expect(table.getChild('zip')!.toArray()).toEqual(['02139', '10001']);
  });
});
