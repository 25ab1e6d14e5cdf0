import { IngestError, type IngestFileType } from './ingestTypes.js';

/** Upload types the Redivis API knows about but this server cannot parse. */
const KNOWN_UNSUPPORTED = new Set([
  'avro',
  'orc',
  'xls',
  'xlsx',
  'dta',
  'sas7bdat',
  'sav',
  'geojson',
  'geojsonl',
  'json',
  'shp',
  'shp.zip',
  'kml',
  'stream',
]);

const BY_EXTENSION: Record<string, IngestFileType> = {
  csv: 'delimited',
  tsv: 'delimited',
  tab: 'delimited',
  psv: 'delimited',
  txt: 'delimited',
  dat: 'delimited',
  delimited: 'delimited',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  parquet: 'parquet',
  pq: 'parquet',
  arrow: 'arrow',
  arrows: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
};

/** Strips compression-free trailing parts such as `.csv` from `data.2024.csv` → `csv`. */
function extensionOf(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.shp.zip')) return 'shp.zip';
  const dot = lower.lastIndexOf('.');
  return dot >= 0 ? lower.slice(dot + 1) : '';
}

/**
 * Resolves the parser for an upload: the explicit `type` wins, otherwise the file extension
 * decides (the documented behaviour when `type` is omitted).
 */
export function resolveFileType(type: string | null | undefined, fileName?: string | null): IngestFileType {
  const explicit = type?.trim().toLowerCase();
  if (explicit) {
    const mapped = BY_EXTENSION[explicit];
    if (mapped) return mapped;
    if (KNOWN_UNSUPPORTED.has(explicit)) {
      throw new IngestError(
        `Upload type "${explicit}" is not supported by this server; use delimited, ndjson, parquet or arrow.`,
      );
    }
    throw new IngestError(`Unknown upload type "${explicit}".`);
  }
  const ext = fileName ? extensionOf(fileName) : '';
  const mapped = BY_EXTENSION[ext];
  if (mapped) return mapped;
  if (!ext) {
    throw new IngestError('Cannot determine the upload type: give "type" or a file name with an extension.');
  }
  throw new IngestError(
    `Files with extension ".${ext}" are not supported by this server; use delimited, ndjson, parquet or arrow.`,
  );
}
