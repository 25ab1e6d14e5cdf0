import { z } from 'zod';

/**
 * Formats a table can be saved in. The first four are written by the app itself from Arrow
 * read streams; the `server_*`, Stata, SPSS and Avro formats are produced by Redivis through the
 * Export API and then downloaded part by part.
 */
export const exportFormats = [
  'arrow',
  'parquet',
  'csv',
  'ndjson',
  'server_csv',
  'server_parquet',
  'dta',
  'sav',
  'avro',
] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportFormatDetails {
  label: string;
  extension: string;
  /** Made by the app from read streams, or by Redivis through the Export API. */
  madeBy: 'app' | 'server';
}

export const exportFormatDetails: Record<ExportFormat, ExportFormatDetails> = {
  arrow: { label: 'Arrow IPC file', extension: 'arrow', madeBy: 'app' },
  parquet: { label: 'Parquet', extension: 'parquet', madeBy: 'app' },
  csv: { label: 'CSV', extension: 'csv', madeBy: 'app' },
  ndjson: { label: 'NDJSON (JSON lines)', extension: 'ndjson', madeBy: 'app' },
  server_csv: { label: 'CSV, made by Redivis', extension: 'csv', madeBy: 'server' },
  server_parquet: { label: 'Parquet, made by Redivis', extension: 'parquet', madeBy: 'server' },
  dta: { label: 'Stata (.dta), made by Redivis', extension: 'dta', madeBy: 'server' },
  sav: { label: 'SPSS (.sav), made by Redivis', extension: 'sav', madeBy: 'server' },
  avro: { label: 'Avro, made by Redivis', extension: 'avro', madeBy: 'server' },
};

/** What the export dialog needs to know about a table. */
export const exportTableInfoSchema = z.object({
  tableRef: z.string(),
  name: z.string(),
  numRows: z.number(),
  numBytes: z.number().optional(),
  canDownload: z.boolean(),
  /** Why the table cannot be downloaded, in plain words, when `canDownload` is false. */
  cannotDownloadReason: z.string().optional(),
  variables: z.array(
    z.object({ name: z.string(), type: z.string(), label: z.string().nullable().optional() }),
  ),
});
export type ExportTableInfo = z.infer<typeof exportTableInfoSchema>;

/** A destination the user picked: the folder comes from the save dialog, the name may be edited. */
export const exportDestinationSchema = z.object({
  directory: z.string().min(1).max(4096),
  fileName: z.string().min(1).max(255),
});
export type ExportDestination = z.infer<typeof exportDestinationSchema>;

export const exportPathCheckSchema = exportDestinationSchema.extend({
  /** Something is already at the file's name. */
  exists: z.boolean(),
  /**
   * A folder is already at the name a server export takes when Redivis makes it in several
   * parts (`measurements.csv` → `measurements/`). It is a separate item, with its own consent.
   */
  partsFolderExists: z.boolean(),
});
export type ExportPathCheck = z.infer<typeof exportPathCheckSchema>;

export const exportRequestSchema = z.object({
  tableRef: z.string().min(1).max(1000),
  /** Shown in the jobs panel. */
  title: z.string().min(1).max(300),
  format: z.enum(exportFormats),
  /** Columns in output order; all columns when absent. */
  selectedVariables: z.array(z.string().min(1).max(300)).max(10_000).optional(),
  maxRows: z.number().int().positive().optional(),
  /**
   * Write rows in the order Redivis holds them (one read stream instead of several in
   * parallel): a sorted view exported as what the grid shows.
   */
  keepRowOrder: z.boolean().optional(),
  destination: exportDestinationSchema,
  /** The user agreed to replace the existing file at the destination. */
  overwrite: z.boolean().default(false),
  /**
   * The user agreed to replace the existing parts folder (server formats only). Without it a
   * multi-part export that would land on an existing folder stops and leaves the folder as it is.
   */
  replacePartsFolder: z.boolean().optional(),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;
