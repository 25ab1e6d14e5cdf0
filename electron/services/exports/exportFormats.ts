import {
  exportFormatDetails,
  type ExportFormat,
  type ExportFormatDetails,
} from '../../../shared/contract/exportModel';

/**
 * How the app writes a format it makes itself from read streams:
 * - `file`: the received Arrow bytes are the file's content, written on the calling thread;
 * - `encoder`: encoded by the Parquet encoder threads (writers/parquetWriter.ts);
 * - `text`: spelled out cell by cell by the pool of text formatter threads.
 */
export type LocalWriter = 'file' | 'encoder' | 'text';

/** The Export API's name for a format Redivis makes. */
export type ServerFormatName = 'csv' | 'parquet' | 'ndjson' | 'avro' | 'dta' | 'sav';

type FormatSpec = { writer: LocalWriter } | { serverFormat: ServerFormatName };

/**
 * The one place a format is declared on this side: who makes it and how. Its label, extension
 * and maker (what the export dialog shows) come from the contract, which the renderer shares.
 * Adding a format means a row here and one in the contract; TypeScript requires both.
 */
const formatSpecs = {
  arrow: { writer: 'file' },
  parquet: { writer: 'encoder' },
  csv: { writer: 'text' },
  ndjson: { writer: 'text' },
  server_csv: { serverFormat: 'csv' },
  server_parquet: { serverFormat: 'parquet' },
  dta: { serverFormat: 'dta' },
  sav: { serverFormat: 'sav' },
  avro: { serverFormat: 'avro' },
} as const satisfies Record<ExportFormat, FormatSpec>;

type Specs = typeof formatSpecs;
type FormatsWritten<W extends LocalWriter> = {
  [F in ExportFormat]: Specs[F] extends { writer: W } ? F : never;
}[ExportFormat];

/** Formats the app writes itself from read streams. */
export type LocalFormat = FormatsWritten<LocalWriter>;
/** Formats spelled as text by the formatter pool. */
export type TextFormat = FormatsWritten<'text'>;

export interface FormatInfo extends ExportFormatDetails {
  /** How the app writes it (local formats only). */
  writer?: LocalWriter;
  /** The Export API's name for it (server formats only). */
  serverFormat?: ServerFormatName;
}

export const formatInfo = Object.fromEntries(
  Object.entries(exportFormatDetails).map(([format, details]) => [
    format,
    { ...details, ...formatSpecs[format as ExportFormat] },
  ]),
) as Record<ExportFormat, FormatInfo>;

export function isLocalFormat(format: ExportFormat): format is LocalFormat {
  return 'writer' in formatSpecs[format];
}

/** How the app writes a local format. */
export function writerOf(format: LocalFormat): LocalWriter {
  return formatSpecs[format].writer;
}
