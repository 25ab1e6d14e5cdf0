/** Most cells one copy may hold; beyond this the user is pointed to a download instead. */
export const MAX_COPY_CELLS = 2_000_000;

/** A value as one TSV field: quoted, like spreadsheets do, when it holds a tab, newline or quote. */
export function tsvField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as tab-separated text with a header line, as spreadsheets paste it. */
export function toTsv(
  headers: readonly string[],
  rowCount: number,
  cell: (row: number, column: number) => string,
): string {
  const lines = [headers.map(tsvField).join('\t')];
  for (let row = 0; row < rowCount; row++) {
    const fields = new Array<string>(headers.length);
    for (let column = 0; column < headers.length; column++) fields[column] = tsvField(cell(row, column));
    lines.push(fields.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
