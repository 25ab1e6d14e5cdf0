import { exportFormatDetails, type ExportFormat } from '../../../shared/contract/exportModel';

/** A file name from a table name: characters that are not allowed in file names become `_`. */
export function defaultFileName(tableName: string, format: ExportFormat): string {
  const printable = [...tableName].map((c) => (c.charCodeAt(0) < 32 ? '_' : c)).join('');
  const base = printable.replace(/[/\\:*?"<>|]+/g, '_').trim() || 'table';
  return `${base}.${exportFormatDetails[format].extension}`;
}

/** Keeps the user's name but swaps the extension when it was the previous format's. */
export function withFormatExtension(fileName: string, from: ExportFormat, to: ExportFormat): string {
  const oldExt = `.${exportFormatDetails[from].extension}`;
  const newExt = `.${exportFormatDetails[to].extension}`;
  if (fileName.toLowerCase().endsWith(oldExt)) return fileName.slice(0, -oldExt.length) + newExt;
  return fileName;
}

/** The folder a multi-part server export takes: `measurements.csv` → `measurements`. */
export function partsFolderName(fileName: string): string {
  const name = fileName.trim();
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
