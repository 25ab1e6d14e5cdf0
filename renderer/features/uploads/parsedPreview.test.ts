import { describe, expect, it } from 'vitest';
import type { UploadOptions } from '../../../shared/contract/uploadModel';
import { parsePreview } from './parsedPreview';

const options: UploadOptions = {
  hasHeaderRow: true,
  delimiter: null,
  quoteCharacter: '"',
  nullMarkers: [],
  skipBadRecords: false,
  hasQuotedNewlines: false,
};

describe('parsePreview', () => {
  const sample =
    'id;name;score;ok;day\r\n1;"Smith; J";1.5;true;2024-01-02\n2;"say ""hi""";NA;false;2024-02-03\n';

  it('reads rows with the detected delimiter, quotes, header and types', () => {
    const parsed = parsePreview(sample, { ...options, nullMarkers: ['NA'] });
    expect(parsed.delimiter).toBe(';');
    expect(parsed.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'string' },
      { name: 'score', type: 'float' },
      { name: 'ok', type: 'boolean' },
      { name: 'day', type: 'date' },
    ]);
    expect(parsed.rows).toEqual([
      ['1', 'Smith; J', '1.5', 'true', '2024-01-02'],
      ['2', 'say "hi"', null, 'false', '2024-02-03'],
    ]);
  });

  it('follows the options: another delimiter, no header row, no null markers', () => {
    const parsed = parsePreview(sample, { ...options, delimiter: ',', hasHeaderRow: false });
    expect(parsed.columns).toEqual([{ name: 'column_1', type: 'string' }]);
    expect(parsed.rows[0]).toEqual(['id;name;score;ok;day']);
    expect(parsePreview(sample, { ...options, delimiter: ';' }).columns[2]).toEqual({
      name: 'score',
      type: 'string',
    });
  });

  it('keeps a line break inside quotes only when quoted values may hold them', () => {
    const text = 'a,b\n"x\ny",2\n';
    expect(parsePreview(text, { ...options, hasQuotedNewlines: true }).rows).toEqual([['x\ny', '2']]);
    expect(parsePreview(text, options).rows).toEqual([
      ['x', null],
      ['y"', '2'],
    ]);
  });
});
