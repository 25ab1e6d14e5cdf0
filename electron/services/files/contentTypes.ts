/** Content types by extension, for the listing (which has none) and for previews. */
const TYPES: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  jsonl: 'application/x-ndjson',
  xml: 'application/xml',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  py: 'text/x-python',
  r: 'text/x-r',
  sql: 'application/sql',
  js: 'text/javascript',
  ts: 'text/plain',
  sh: 'text/plain',
  do: 'text/plain',
  sas: 'text/plain',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  parquet: 'application/vnd.apache.parquet',
  arrow: 'application/vnd.apache.arrow.file',
  feather: 'application/vnd.apache.arrow.file',
  arrows: 'application/vnd.apache.arrow.stream',
  zip: 'application/zip',
  gz: 'application/gzip',
};

export function contentTypeOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? TYPES[base.slice(dot + 1)] : undefined) ?? 'application/octet-stream';
}

/**
 * Types served to the page as they are. Anything that could run script in the app's origin
 * (HTML, SVG, XML) is served as plain text or bytes instead: a file from a dataset is data,
 * never part of the app.
 */
export function safeServedType(contentType: string): string {
  if (/^(text\/html|image\/svg\+xml|application\/xml|text\/xml|application\/xhtml)/i.test(contentType)) {
    return 'text/plain; charset=utf-8';
  }
  if (contentType.startsWith('text/')) return `${contentType.split(';')[0]}; charset=utf-8`;
  return contentType;
}
