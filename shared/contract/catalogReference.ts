/**
 * Parses what a user pastes into the reference bar: a Redivis reference
 * (`owner.dataset[:id][:sample][:v1_0|:current|:next][.table[:id]]`, spec section 2) or a
 * redivis.com link. Pure and synchronous so the UI can explain a malformed input at once;
 * the Node side resolves the result against the server (a bare `owner.name` may be a dataset
 * or a workflow, and links that carry only ids need a lookup).
 */

import { fail } from './errors';

export type ParsedReference =
  /** `demo` or `https://redivis.com/demo`. */
  | { kind: 'owner'; owner: string }
  /** `owner.name…`: a dataset, or failing that a workflow. */
  | { kind: 'container'; ref: string }
  | { kind: 'dataset'; ref: string }
  | { kind: 'workflow'; ref: string }
  | { kind: 'table'; ref: string }
  /** A link that names a dataset (and maybe a table) only by persistent id. */
  | { kind: 'datasetId'; datasetId: string; version?: string; tableId?: string }
  | { kind: 'workflowId'; workflowId: string };

export type ParseResult = { ok: true; reference: ParsedReference } | { ok: false; message: string };

const OWNER = /^[A-Za-z0-9_]+$/;
const VERSION = /^v?(\d+)[._](\d+)$/i;
const REFERENCE_ID = /^[A-Za-z0-9]+$/;
const PERSISTENT_ID = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)?$/;
const REDIVIS_HOSTS = new Set(['redivis.com', 'www.redivis.com']);

class ReferenceError_ extends Error {}
const reject = (message: string): never => {
  throw new ReferenceError_(message);
};

/** `v1.0`, `1_0`, `V1_0` → `v1_0`; `current`/`next` kept; anything else undefined. */
export function normalizeVersion(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === 'current' || lower === 'next') return lower;
  const match = VERSION.exec(lower);
  return match ? `v${Number(match[1])}_${Number(match[2])}` : undefined;
}

export function parseReference(input: string): ParseResult {
  const text = input.trim().replace(/^[`'"]+|[`'"]+$/g, '');
  if (!text)
    return { ok: false, message: 'Type a reference such as demo.iris_species:v1_0.iris, or paste a link.' };
  try {
    const isLink = /^https?:\/\//i.test(text) || /^(www\.)?redivis\.com(\/|$)/i.test(text);
    return { ok: true, reference: isLink ? parseLink(text) : parseDottedReference(text) };
  } catch (error) {
    if (error instanceof ReferenceError_) return { ok: false, message: error.message };
    throw error;
  }
}

/** Splits on dots but keeps `:v1.0` / `:1.0` version modifiers whole. */
function splitDots(text: string): string[] {
  const parts: string[] = [];
  for (const piece of text.split('.')) {
    const previous = parts.at(-1);
    if (previous !== undefined && /:v?\d+$/i.test(previous) && /^\d+(:|$)/.test(piece)) {
      parts[parts.length - 1] = `${previous}.${piece}`;
    } else {
      parts.push(piece);
    }
  }
  return parts;
}

function checkOwner(owner: string): string {
  if (!owner) reject('The reference starts with a dot: it needs an owner first, like demo.iris_species.');
  if (!OWNER.test(owner)) {
    reject(`"${owner}" is not a valid owner name: owners use only letters, digits and underscores.`);
  }
  return owner;
}

function containerPart(text: string): string {
  const [rawName = '', ...modifiers] = text.split(':');
  const name = rawName.trim();
  if (!name) reject('The dataset or workflow name is missing.');
  const out = [name];
  let version: string | undefined;
  for (const raw of modifiers) {
    const modifier = raw.trim();
    if (!modifier) reject(`There is an empty ":" section after "${name}".`);
    const asVersion = normalizeVersion(modifier);
    if (asVersion) {
      if (version) reject(`"${name}" names two versions (${version} and ${modifier}).`);
      version = asVersion;
    } else if (modifier.toLowerCase() === 'sample') out.push('sample');
    else if (REFERENCE_ID.test(modifier)) out.push(modifier.toLowerCase());
    else reject(`"${modifier}" is not a version (v1_0, current, next) or a reference id.`);
  }
  if (version) out.push(version);
  return out.join(':');
}

function tablePart(text: string): string {
  const [rawName = '', ...modifiers] = text.split(':');
  const name = rawName.trim();
  if (!name) reject('The table name is missing after the last dot.');
  for (const raw of modifiers) {
    const modifier = raw.trim();
    if (normalizeVersion(modifier)) {
      reject(`Versions go on the dataset, not the table: owner.dataset:${modifier}.${name}`);
    }
    if (modifier.toLowerCase() !== 'sample' && !REFERENCE_ID.test(modifier)) {
      reject(`"${modifier}" after the table name is not a reference id.`);
    }
  }
  return [name, ...modifiers.map((m) => m.trim().toLowerCase())].join(':');
}

function parseDottedReference(text: string): ParsedReference {
  if (/\s\.|\.\s/.test(text)) reject('A reference has no spaces around its dots.');
  const parts = splitDots(text);
  const [owner = '', container, ...tableParts] = parts;
  if (parts.length === 1) {
    if (text.includes(':')) reject('A version or id needs a dataset: owner.dataset:v1_0.');
    return { kind: 'owner', owner: checkOwner(owner) };
  }
  const ref = `${checkOwner(owner)}.${containerPart(container ?? '')}`;
  if (parts.length === 2) return { kind: 'container', ref };
  // Table names may themselves contain dots.
  return { kind: 'table', ref: `${ref}.${tablePart(tableParts.join('.'))}` };
}

function parseLink(text: string): ParsedReference {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return reject('That link is not a valid web address.');
  }
  if (!REDIVIS_HOSTS.has(url.hostname.toLowerCase())) {
    reject(`Only redivis.com links can be opened here (this one is on ${url.hostname}).`);
  }
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => safeDecode(segment));
  const versionParam = url.searchParams.get('v');
  const version = versionParam ? normalizeVersion(versionParam) : undefined;
  if (versionParam && !version) reject(`The link's version "${versionParam}" is not a version like 1.0.`);
  const withVersion = (ref: string) => (version ? `${ref}:${version}` : ref);
  const [first = '', second, third, fourth, fifth] = segments;
  if (!first) reject('That link points to the Redivis home page, not to a dataset or table.');

  if (first === 'datasets' && second) {
    checkId(second);
    if (third === 'tables' && fourth) {
      checkId(fourth);
      return { kind: 'datasetId', datasetId: second, version, tableId: fourth };
    }
    return { kind: 'datasetId', datasetId: second, version };
  }
  if ((first === 'workflows' || first === 'projects') && second) {
    checkId(second);
    return { kind: 'workflowId', workflowId: second };
  }
  const owner = checkOwner(first);
  if (!second) return { kind: 'owner', owner };
  if (second === 'datasets' && third) {
    const ref = withVersion(`${owner}.${containerPart(third)}`);
    if (fourth === 'tables' && fifth) return { kind: 'table', ref: `${ref}.${tablePart(fifth)}` };
    return { kind: 'dataset', ref };
  }
  if ((second === 'workflows' || second === 'projects') && third) {
    return { kind: 'workflow', ref: `${owner}.${containerPart(third)}` };
  }
  return reject('That redivis.com link does not point to a dataset, workflow or table.');
}

function checkId(id: string): string {
  if (!PERSISTENT_ID.test(id)) reject(`"${id}" in the link is not a Redivis id.`);
  return id.toLowerCase();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The dataset part of a dataset table reference (`owner.ds:v1_0.table` → `owner.ds:v1_0`). */
export function containerOfTableRef(tableRef: string): string | undefined {
  const parts = splitDots(tableRef);
  return parts.length >= 3 ? `${parts[0]}.${parts[1]}` : undefined;
}

/** The version named in a dataset or table reference, if any. */
export function versionOfRef(ref: string): string | undefined {
  const container = splitDots(ref)[1];
  if (!container) return undefined;
  return container
    .split(':')
    .slice(1)
    .map((modifier) => normalizeVersion(modifier))
    .find((version): version is string => Boolean(version));
}

/** The same reference with its version replaced (or removed when `version` is undefined). */
export function withVersion(datasetRef: string, version: string | undefined): string {
  const [owner, container = ''] = splitDots(datasetRef);
  const [name, ...modifiers] = container.split(':');
  const kept = modifiers.filter((modifier) => !normalizeVersion(modifier));
  return [`${owner}.${name}`, ...kept, ...(version ? [version] : [])].join(':');
}

/** A dataset reference without its version and sample modifiers (`demo.ghcn:7br5:sample:next` → `demo.ghcn:7br5`). */
function baseContainer(container: string): { base: string; version?: string } {
  const [name = '', ...modifiers] = container.split(':');
  const kept = [name];
  let version: string | undefined;
  for (const modifier of modifiers) {
    const asVersion = normalizeVersion(modifier);
    if (asVersion) version = asVersion;
    else if (modifier.toLowerCase() !== 'sample') kept.push(modifier);
  }
  return { base: kept.join(':'), version };
}

/**
 * A dataset reference split into the dataset (reference id kept, version and sample dropped)
 * and the version it named. Throws an `invalid_request` AppFailure for a reference without a dot.
 */
export function datasetRefParts(ref: string): { datasetRef: string; version?: string } {
  const [owner = '', container] = splitDots(ref);
  if (!owner || container === undefined) fail('invalid_request', `"${ref}" is not a dataset reference.`);
  const { base, version } = baseContainer(container ?? '');
  return { datasetRef: `${owner}.${base}`, version };
}

/** A dataset table reference split into its dataset (as `datasetRefParts`), table name and version. */
export function tableRefParts(ref: string): { datasetRef: string; tableName: string; version?: string } {
  const parts = splitDots(ref);
  if (parts.length < 3) fail('invalid_request', `"${ref}" is not a table reference.`);
  const [owner = '', container = '', ...rest] = parts;
  const { base, version } = baseContainer(container);
  // A table identifier may carry `:refId`; names keep any further dots.
  const tableName = rest.join('.').split(':')[0] ?? '';
  return { datasetRef: `${owner}.${base}`, tableName, version };
}

/** The same table in the dataset's unreleased version. */
export function nextTableRef(datasetRef: string, tableName: string): string {
  return `${datasetRef}:next.${tableName}`;
}
