/**
 * Parsing of Redivis resource references (spec §2):
 *   table     = owner "." container "." tableName[":" refId][":sample"]
 *   container = name[":" refId][":sample"][":" version]   (modifiers in any order)
 *   version   = v<major>[._]<minor> | <major>.<minor> | current | next
 * Names compare case-insensitively after escaping (non-word characters → `_`, repeats
 * collapsed, leading/trailing `_` dropped), so display names and escaped names both match.
 */
import { ApiError } from '../http/apiError.js';

export interface ContainerIdentifier {
  name: string;
  referenceId: string | null;
  sample: boolean;
  /** `v1.0` style, `current` or `next`; null when not given. */
  version: string | null;
}

export interface TableIdentifier {
  name: string;
  referenceId: string | null;
  sample: boolean;
}

export interface TableReference {
  owner: string;
  container: ContainerIdentifier;
  table: TableIdentifier;
}

export interface ContainerReference {
  owner: string;
  container: ContainerIdentifier;
}

export function malformed(reference: string, why: string): ApiError {
  return new ApiError(400, 'invalid_reference', `Invalid reference "${reference}": ${why}`);
}

export function escapeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function namesMatch(candidate: string, recordName: string): boolean {
  return escapeName(candidate) === escapeName(recordName);
}

/** `v1.0` → `v1_0` (the form used inside references and URIs). */
export function versionTagToRef(tag: string): string {
  return tag.replace('.', '_');
}

const OWNER = /^[A-Za-z0-9_]+$/;
const VERSION = /^v?(\d+)[._](\d+)$/i;
const REFERENCE_ID = /^[a-z0-9]+$/i;

function normalizeVersion(part: string): string | null {
  const lower = part.toLowerCase();
  if (lower === 'current' || lower === 'next') return lower;
  const match = VERSION.exec(part);
  return match ? `v${Number(match[1])}.${Number(match[2])}` : null;
}

/** Splits on `.`, re-joining the dotted version form (`name:v1.0`) that the split tore apart. */
function splitDots(reference: string): string[] {
  const raw = reference.split('.');
  const parts: string[] = [];
  for (const piece of raw) {
    const previous = parts[parts.length - 1];
    if (previous !== undefined && /:v?\d+$/i.test(previous) && /^\d+(:|$)/.test(piece)) {
      parts[parts.length - 1] = `${previous}.${piece}`;
    } else {
      parts.push(piece);
    }
  }
  return parts;
}

function parseContainer(reference: string, text: string): ContainerIdentifier {
  const [name, ...modifiers] = text.split(':');
  if (!name || !name.trim()) throw malformed(reference, 'the dataset or workflow name is empty');
  const result: ContainerIdentifier = { name, referenceId: null, sample: false, version: null };
  for (const modifier of modifiers) {
    if (!modifier) throw malformed(reference, 'empty ":" section');
    const version = normalizeVersion(modifier);
    if (modifier.toLowerCase() === 'sample') result.sample = true;
    else if (version && result.version === null) result.version = version;
    else if (REFERENCE_ID.test(modifier) && result.referenceId === null) {
      result.referenceId = modifier.toLowerCase();
    } else throw malformed(reference, `unexpected "${modifier}"`);
  }
  return result;
}

function parseTableIdentifier(reference: string, text: string): TableIdentifier {
  const [name, ...modifiers] = text.split(':');
  if (!name || !name.trim()) throw malformed(reference, 'the table name is empty');
  const result: TableIdentifier = { name, referenceId: null, sample: false };
  for (const modifier of modifiers) {
    if (modifier.toLowerCase() === 'sample') result.sample = true;
    else if (REFERENCE_ID.test(modifier) && result.referenceId === null) {
      result.referenceId = modifier.toLowerCase();
    } else throw malformed(reference, `unexpected "${modifier}" after the table name`);
  }
  return result;
}

function checkOwner(reference: string, owner: string | undefined): string {
  if (!owner || !OWNER.test(owner)) {
    throw malformed(reference, 'the owner must be a user or organization name ([A-Za-z0-9_])');
  }
  return owner.toLowerCase();
}

export function parseTableReference(reference: string): TableReference {
  const parts = splitDots(reference.trim());
  if (parts.length < 3) {
    throw malformed(reference, 'expected owner.dataset.table or owner.workflow.table');
  }
  const [owner, container, ...tableParts] = parts;
  return {
    owner: checkOwner(reference, owner),
    container: parseContainer(reference, container ?? ''),
    // Table names may themselves contain dots.
    table: parseTableIdentifier(reference, tableParts.join('.')),
  };
}

export function parseContainerReference(reference: string): ContainerReference {
  const parts = splitDots(reference.trim());
  if (parts.length !== 2) throw malformed(reference, 'expected owner.name');
  const [owner, container] = parts;
  return {
    owner: checkOwner(reference, owner),
    container: parseContainer(reference, container ?? ''),
  };
}

/** Parses a path segment like `v1.0`, `v1_0`, `1.0`, `current` or `next`. */
export function parseVersionTag(text: string): string {
  const version = normalizeVersion(text);
  if (!version) {
    throw new ApiError(400, 'invalid_reference', `Invalid version "${text}"`);
  }
  return version;
}
