import { describe, expect, it } from 'vitest';
import { guessDelimitedOptions, uploadTypeOf } from './fileSniffer';

describe('guessDelimitedOptions', () => {
  it('finds the delimiter and a header row', () => {
    const options = guessDelimitedOptions('id;name;score\n1;"a;b";2.5\n2;c;3\n');
    expect(options).toMatchObject({ delimiter: ';', hasHeaderRow: true, hasQuotedNewlines: false });
  });

  it('sees tabs and pipes', () => {
    expect(guessDelimitedOptions('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(guessDelimitedOptions('a|b|c\n1|2|3\n').delimiter).toBe('|');
  });

  it('says there is no header when the first row holds values', () => {
    expect(guessDelimitedOptions('1,2.5,2024-01-01\n2,3.5,2024-01-02\n').hasHeaderRow).toBe(false);
  });

  it('notices quoted newlines and common null markers', () => {
    const options = guessDelimitedOptions('id,text,score\n1,"two\nlines",NA\n2,plain,NULL\n3,x,4\n');
    expect(options.hasQuotedNewlines).toBe(true);
    expect(options.nullMarkers).toEqual(['NA', 'NULL']);
  });

  it('ignores a last line cut by the sample size', () => {
    expect(guessDelimitedOptions('a,b,c\n1,2,3\n4;5').delimiter).toBe(',');
  });
});

describe('uploadTypeOf', () => {
  it('maps extensions to Redivis upload types', () => {
    expect(uploadTypeOf('x.CSV')).toBe('delimited');
    expect(uploadTypeOf('x.jsonl')).toBe('ndjson');
    expect(uploadTypeOf('x.parquet')).toBe('parquet');
    expect(uploadTypeOf('roads.shp.zip')).toBe('shp.zip');
    expect(uploadTypeOf('notes.pdf')).toBeUndefined();
    expect(uploadTypeOf('README')).toBeUndefined();
  });
});
