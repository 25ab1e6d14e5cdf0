/**
 * Where in the query text an error is, when the message names a place. BigQuery (and so
 * Redivis) writes it as `[line:column]`, e.g. "Syntax error: Unexpected keyword FROM at [2:5]".
 */
export function errorPositionOf(message: string): { line: number; column: number } | undefined {
  const match = /\[(\d+):(\d+)\]/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const column = Number(match[2]);
  return line >= 1 && column >= 1 ? { line, column } : undefined;
}
