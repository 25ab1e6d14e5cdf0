import { DataType } from 'apache-arrow';

/** Widths the grid starts from: wide enough for a column's name and its first rows, within limits. */
export const MIN_FITTED_WIDTH = 72;
export const MAX_FITTED_WIDTH = 360;
/** Rows looked at to fit a column: the first screenful, so widths don't shift as more arrive. */
export const FIT_SAMPLE_ROWS = 30;
/** Cells looked at in all, so a table with hundreds of columns samples fewer rows of each. */
const FIT_SAMPLE_CELLS = 1200;

/** How many of the first rows to sample for `columns` columns. */
export function sampleRowCount(columns: number, rows: number): number {
  return Math.min(rows, FIT_SAMPLE_ROWS, Math.max(1, Math.floor(FIT_SAMPLE_CELLS / Math.max(1, columns))));
}

/** Cell padding (8 + 8), its border, and a little air so the last glyph is never clipped. */
const CELL_EXTRA = 8 + 8 + 1 + 4;
/** The sort button's padding, room for its ▲/▼ once sorted, and the resize handle. */
const HEADER_EXTRA = 8 + 8 + 16 + 4;
/** The row-number cell's padding (6 + 6), its border and some air. */
const ROW_NUMBER_EXTRA = 6 + 6 + 1 + 6;

export type MeasureText = (text: string, bold?: boolean) => number;

/** Text width in the grid's font, measured on a canvas; a per-character estimate where there is none. */
let canvas: CanvasRenderingContext2D | null | undefined;

/** Exact measurements per measurer; past them, text is estimated from the widths seen so far. */
const MEASURE_BUDGET = 120;

export function textMeasurer(font: string | undefined): MeasureText {
  canvas ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const context = canvas;
  if (!context || !font) return (text) => text.length * 7.5;
  const bold = `600 ${font.replace(/^(normal|[1-9]00)\s+/, '')}`;
  let current: string | undefined;
  let budget = MEASURE_BUDGET;
  // Width per character seen so far, regular and bold: a wide table's later columns are
  // estimated from it (measuring is slow enough that hundreds of columns would hold the page up).
  const seen = { regular: { width: 0, chars: 0 }, bold: { width: 0, chars: 0 } };
  return (text, isBold = false) => {
    const tally = isBold ? seen.bold : seen.regular;
    if (budget <= 0 && tally.chars > 0) return (text.length * tally.width) / tally.chars;
    budget--;
    // Setting the font is costly too: only when it changes.
    const wanted = isBold ? bold : font;
    if (current !== wanted) context.font = current = wanted;
    const width = context.measureText(text).width;
    tally.width += width;
    tally.chars += text.length;
    return width;
  };
}

/** The widest text a value of this type is usually shown as, for types whose width is known. */
function typicalText(type: DataType | undefined): string | undefined {
  if (!type) return undefined;
  if (DataType.isTimestamp(type)) return '0000-00-00 00:00:00';
  if (DataType.isDate(type)) return '0000-00-00';
  if (DataType.isTime(type)) return '00:00:00';
  if (DataType.isBool(type)) return 'false';
  return undefined;
}

/** A column's starting width: its name, a typical value of its type, and its first rows' text. */
export function fittedWidth(
  name: string,
  type: DataType | undefined,
  sample: readonly string[],
  measure: MeasureText,
): number {
  // Only the longest texts can be the widest (digits and most letters differ little in width).
  const longest = [...sample].sort((a, b) => b.length - a.length).slice(0, 3);
  let content = Math.max(0, ...longest.map((text) => measure(text)));
  const typical = typicalText(type);
  if (typical !== undefined) content = Math.max(content, measure(typical));
  const wanted = Math.max(measure(name, true) + HEADER_EXTRA, content + CELL_EXTRA);
  return Math.round(Math.min(MAX_FITTED_WIDTH, Math.max(MIN_FITTED_WIDTH, wanted)));
}

/** The row-number column: as wide as the largest row number it may show, with separators. */
export function rowNumberWidth(largestRowNumber: number, measure: MeasureText): number {
  const text = Math.max(1, Math.floor(largestRowNumber)).toLocaleString();
  return Math.ceil(Math.max(48, measure(text) + ROW_NUMBER_EXTRA));
}
