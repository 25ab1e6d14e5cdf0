import { Int32, TimestampMillisecond, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  fittedWidth,
  MAX_FITTED_WIDTH,
  MIN_FITTED_WIDTH,
  rowNumberWidth,
  type MeasureText,
} from './columnWidths';

// Monospace stand-in: 10 px a character, 12 px bold.
const measure: MeasureText = (text, bold) => text.length * (bold ? 12 : 10);

describe('column widths', () => {
  it('fits the longest of the name and the sampled text, plus padding', () => {
    expect(fittedWidth('id', new Int32(), ['1', '22', '333'], measure)).toBe(MIN_FITTED_WIDTH);
    expect(fittedWidth('x', new Utf8(), ['a'.repeat(20)], measure)).toBe(200 + 21);
    expect(fittedWidth('a_rather_long_name', new Utf8(), ['a'], measure)).toBe(18 * 12 + 36);
  });

  it('leaves room for a whole date-time even before wide values are seen', () => {
    expect(fittedWidth('t', new TimestampMillisecond(), [], measure)).toBe(19 * 10 + 21);
  });

  it('caps long text', () => {
    expect(fittedWidth('notes', new Utf8(), ['x'.repeat(500)], measure)).toBe(MAX_FITTED_WIDTH);
  });

  it('sizes the row numbers for the largest one, with its separators', () => {
    expect(rowNumberWidth(1_000_000, measure)).toBe((1_000_000).toLocaleString().length * 10 + 19);
    expect(rowNumberWidth(5, measure)).toBe(48);
  });
});
