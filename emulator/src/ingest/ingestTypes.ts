/**
 * Shared shapes for turning an uploaded file into stored Arrow data.
 *
 * The option names mirror the upload metadata of `POST /tables/{T}/uploads` so the route can pass
 * the request body through without renaming anything.
 */

/** Logical Redivis variable types an upload can produce (geography arrives as WKT strings). */
export type VariableType = 'integer' | 'float' | 'boolean' | 'date' | 'dateTime' | 'time' | 'string';

/** File formats this server can parse. */
export type IngestFileType = 'delimited' | 'ndjson' | 'parquet' | 'arrow';

export interface IngestOptions {
  /** Explicit upload type; derived from `fileName`'s extension when omitted. */
  type?: string | null;
  /** Original file name, used to derive the type when `type` is omitted. */
  fileName?: string | null;
  /** `null`/omitted: sniffed among `,` `;` tab `|`. */
  delimiter?: string | null;
  /** `null`/omitted: detected from the first record (header unless a cell looks like data). */
  hasHeaderRow?: boolean | null;
  quoteCharacter?: string | null;
  escapeCharacter?: string | null;
  /** Cell values that mean "missing" in addition to the empty cell. */
  nullMarkers?: string[] | null;
  allowJaggedRows?: boolean | null;
  skipBadRecords?: boolean | null;
  /** Accepted for compatibility; quoted newlines are always understood. */
  hasQuotedNewlines?: boolean | null;
  /** Caps rows per record batch (the default adapts to the column count). */
  maxBatchRows?: number | null;
}

export interface IngestedVariable {
  name: string;
  type: VariableType;
}

export interface IngestResult {
  fileType: IngestFileType;
  variables: IngestedVariable[];
  numRows: number;
  badRecordsCount: number;
  /** Delimiter actually used (delimited files only). */
  delimiter?: string;
  /** Whether the first record was taken as the header (delimited files only). */
  hasHeaderRow?: boolean;
}

/** A problem with the input file itself; its message is shown to the user as `errorMessage`. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}
