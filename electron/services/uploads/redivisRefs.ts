import { fail } from '../../../shared/contract/errors';

/** A table reference split into its parts (spec §2.1). */
export interface TableRefParts {
  /** `owner.dataset[:refId]`, without version or sample flags. */
  datasetRef: string;
  tableName: string;
  /** `next`, `current`, `v1_0`, … when the reference named one. */
  version?: string;
}

const versionTag = /^(v\d+[._]\d+|current|next)$/i;

/** Strips version and sample flags from a dataset identifier (`name:ab12:v1_0` → `name:ab12`). */
function splitDatasetIdentifier(identifier: string): { base: string; version?: string } {
  const [name = '', ...flags] = identifier.split(':');
  const kept = [name];
  let version: string | undefined;
  for (const flag of flags) {
    if (versionTag.test(flag)) version = flag.toLowerCase();
    else if (flag.toLowerCase() !== 'sample') kept.push(flag);
  }
  return { base: kept.join(':'), version };
}

export function parseDatasetRef(ref: string): { datasetRef: string; version?: string } {
  const dot = ref.indexOf('.');
  if (dot <= 0) fail('invalid_request', `"${ref}" is not a dataset reference.`);
  const { base, version } = splitDatasetIdentifier(ref.slice(dot + 1));
  return { datasetRef: `${ref.slice(0, dot)}.${base}`, version };
}

export function parseTableRef(ref: string): TableRefParts {
  const parts = ref.split('.');
  if (parts.length < 3) fail('invalid_request', `"${ref}" is not a table reference.`);
  const [owner, datasetIdentifier = '', ...rest] = parts;
  const { base, version } = splitDatasetIdentifier(datasetIdentifier);
  // A table identifier may carry `:refId`; names keep any further dots.
  const tableName = rest.join('.').split(':')[0] ?? '';
  return { datasetRef: `${owner}.${base}`, tableName, version };
}

/** The same table in the dataset's unreleased version. */
export function nextTableRef(datasetRef: string, tableName: string): string {
  return `${datasetRef}:next.${tableName}`;
}

/** A reference as one URL path segment (spec §2.6: `:` and spaces percent-encoded). */
export function refSegment(ref: string): string {
  return encodeURIComponent(ref);
}

/** Upload names in URIs: `.` becomes `_`, then URL-encoded (spec §2.6). */
export function uploadPath(tableRef: string, name: string): string {
  return `/tables/${refSegment(tableRef)}/uploads/${encodeURIComponent(name.replace(/\./g, '_'))}`;
}
