import type { GeoBBox, Scalar, TemporalCoverage } from '../../../shared/contract/catalogModel';

const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number | undefined): string {
  return value === undefined ? '—' : countFormat.format(value);
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDate(epochMs: number | undefined, precision?: string): string {
  if (epochMs === undefined) return '—';
  const iso = new Date(epochMs).toISOString();
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  if (precision === 'dateTime' || precision === 'time') return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  return iso.slice(0, 10);
}

export function formatTemporal(temporal: TemporalCoverage): string {
  return `${formatDate(temporal.from, temporal.precision)} – ${formatDate(temporal.to, temporal.precision)}`;
}

function degrees(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(2)}° ${value >= 0 ? positive : negative}`;
}

export function formatGeoBBox(box: GeoBBox): string {
  return `${degrees(box.south, 'N', 'S')} to ${degrees(box.north, 'N', 'S')}, ${degrees(box.west, 'E', 'W')} to ${degrees(box.east, 'E', 'W')}`;
}

export function formatScalar(value: Scalar | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'number')
    return Number.isInteger(value) ? countFormat.format(value) : String(+value.toPrecision(6));
  return String(value);
}

/** `v1.0` → `v1.0`, `next` → `Next (unreleased)`. */
export function versionLabel(tag: string, isReleased: boolean): string {
  if (!isReleased) return tag === 'next' ? 'Next (unreleased)' : `${tag} (unreleased)`;
  return tag;
}

const levelRank: Record<string, number> = { none: 0, overview: 1, metadata: 2, sample: 3, data: 4, edit: 5 };

/** Whether an access level allows reading rows (undefined: the server did not say, so try). */
export function canReadRows(accessLevel: string | undefined): boolean {
  return accessLevel === undefined || (levelRank[accessLevel] ?? 0) >= levelRank.data!;
}

export function canReadVariables(accessLevel: string | undefined): boolean {
  return accessLevel === undefined || (levelRank[accessLevel] ?? 0) >= levelRank.metadata!;
}

/** What the user's access level lets them do, and what they would need, in plain words. */
export function accessExplanation(accessLevel: string | undefined): string | undefined {
  switch (accessLevel) {
    case 'none':
      return 'You have no access to this data. Ask its owner for access on redivis.com.';
    case 'overview':
      return 'You have overview access: you can see that this data exists and read its documentation, but not its variables or rows. Ask its owner for metadata or data access on redivis.com.';
    case 'metadata':
      return 'You have metadata access: you can see variables and their statistics, but not the rows. Ask its owner for data access on redivis.com to preview or download it.';
    case 'sample':
      return 'You have sample access: you can work with the sample of this data only. Ask its owner for data access on redivis.com for the full rows.';
    default:
      return undefined;
  }
}
