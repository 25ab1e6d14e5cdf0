/**
 * A problem with the text of a query: it cannot be run as written. The query then ends
 * `failed` with this message (as a BigQuery job would), never as an HTTP error.
 * `position` is an offset into the original query text when the problem has one.
 */
export class SqlError extends Error {
  constructor(
    message: string,
    readonly position: number | null = null,
  ) {
    super(message);
    this.name = 'SqlError';
  }
}

/** A BigQuery construct the emulator does not translate; named so the user knows what to change. */
export function unsupported(construct: string, position: number | null = null): SqlError {
  return new SqlError(`${construct} is not supported by the Redivis emulator's SQL engine`, position);
}

/** `[line:column]` (1-based) of an offset, the way BigQuery reports positions. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  const line = lines.length;
  const column = (lines[lines.length - 1]?.length ?? 0) + 1;
  return `[${line}:${column}]`;
}
