/** Export formats (spec §3.7): which ones this server writes, and how their files are named. */
import { ApiError } from '../http/apiError.js';
import type { ExportFormat } from '../store/model.js';

export type WritableFormat = 'csv' | 'ndjson' | 'parquet' | 'avro';

const WRITABLE: readonly string[] = ['csv', 'ndjson', 'parquet', 'avro'];
const KNOWN: readonly string[] = [...WRITABLE, 'avro', 'dta', 'sav'];

export const CONTENT_TYPES: Record<WritableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
  avro: 'application/avro',
};

/**
 * 400 for formats the API knows but this server cannot write (Stata `dta` and SPSS `sav`: no
 * maintained JavaScript writer exists for either), and for unknown ones.
 */
export function checkExportFormat(format: string): WritableFormat {
  const lower = format.toLowerCase();
  if (WRITABLE.includes(lower)) return lower as WritableFormat;
  if (KNOWN.includes(lower)) {
    throw new ApiError(
      400,
      'unsupported_format',
      `This server cannot produce ${lower} exports; use csv, ndjson, parquet or avro`,
    );
  }
  throw new ApiError(
    400,
    'invalid_request',
    `Unknown export format "${format}"; use csv, ndjson, parquet or avro`,
  );
}

/** `<table>.<format>` for single-file exports, `<table>_000001.<format>` for parts. */
export function partFileName(
  tableName: string,
  format: ExportFormat,
  part: number,
  fileCount: number,
): string {
  const base = tableName.replace(/[\\/]/g, '_');
  return fileCount > 1 ? `${base}_${String(part).padStart(6, '0')}.${format}` : `${base}.${format}`;
}
