/**
 * Translated SQL is built from pieces that remember where in the user's query they came from,
 * so an error DuckDB reports at an offset of the translated text can be shown at the user's
 * own line and column.
 */
export interface Piece {
  text: string;
  /** Offset in the original query text. */
  src: number;
}

export type Out = Piece[];

/** Joins strings and translated fragments; bare strings are attributed to `src`. */
export function cat(src: number, ...parts: (Out | string)[]): Out {
  const out: Out = [];
  for (const part of parts) {
    if (typeof part === 'string') out.push({ text: part, src });
    else out.push(...part);
  }
  return out;
}

export function joinOut(parts: Out[], separator: string, src: number): Out {
  const out: Out = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push({ text: separator, src });
    out.push(...part);
  });
  return out;
}

export function render(out: Out): string {
  return out.map((p) => p.text).join('');
}

/** Maps an offset in the rendered text back to the original query. */
export function sourceOffset(out: Out, offset: number): number {
  let at = 0;
  for (const piece of out) {
    if (offset < at + piece.text.length) return piece.src;
    at += piece.text.length;
  }
  return out[out.length - 1]?.src ?? 0;
}

/** A DuckDB string literal. */
export function stringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A DuckDB quoted identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
