import {
  exportFormatDetails,
  type ExportFormat,
  type ExportFormatDetails,
} from '../../../shared/contract/exportModel';

export type LocalFormat = 'arrow' | 'parquet' | 'csv' | 'ndjson';

export interface FormatInfo extends ExportFormatDetails {
  /** The Export API's name for it (server formats only). */
  serverFormat?: 'csv' | 'parquet' | 'ndjson' | 'avro' | 'dta' | 'sav';
}

const serverNames: Partial<Record<ExportFormat, FormatInfo['serverFormat']>> = {
  server_csv: 'csv',
  server_parquet: 'parquet',
  dta: 'dta',
  sav: 'sav',
  avro: 'avro',
};

export const formatInfo = Object.fromEntries(
  Object.entries(exportFormatDetails).map(([format, details]) => [
    format,
    { ...details, serverFormat: serverNames[format as ExportFormat] },
  ]),
) as Record<ExportFormat, FormatInfo>;

export function isLocalFormat(format: ExportFormat): format is LocalFormat {
  return formatInfo[format].madeBy === 'app';
}
