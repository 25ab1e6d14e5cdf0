import { z } from 'zod';

const tableRef = z.string().min(1).max(1000);
const fileId = z.string().min(1).max(500);

/** One file of a file-index table, as the Files view shows it. */
export const fileEntrySchema = z.object({
  id: z.string(),
  /** The name within the table; `/` separates folders. */
  name: z.string(),
  size: z.number(),
  /** Base64 md5 from the index (null when the index has none). */
  md5: z.string().nullable(),
  /** Epoch ms. */
  addedAt: z.number().nullable(),
  /** Guessed from the name's extension. */
  contentType: z.string(),
  /** The index's other columns, as text (null for a missing value). */
  extra: z.record(z.string(), z.string().nullable()),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

export const fileListingSchema = z.object({
  tableRef: z.string(),
  files: z.array(fileEntrySchema),
  /** Names of the extra columns, in the index's order. */
  extraColumns: z.array(z.string()),
  /** Files in the table; more than `files` holds when the listing was cut at MAX_LISTED_FILES. */
  totalFiles: z.number(),
});
/** Files sent to the page at most (by name order); folder downloads still cover every file. */
export const MAX_LISTED_FILES = 50_000;
export type FileListing = z.infer<typeof fileListingSchema>;

export const fileRefSchema = z.object({ tableRef, fileId });
export type FileRef = z.infer<typeof fileRefSchema>;

/** How a file can be looked at in the app. */
export const previewKinds = ['text', 'image', 'pdf', 'audio', 'video', 'table', 'none'] as const;
export type PreviewKind = (typeof previewKinds)[number];

/** A same-origin (browser mode) or `redivis-file:` (desktop) address of a file's bytes. */
export const fileContentSchema = z.object({
  url: z.string(),
  kind: z.enum(previewKinds),
  contentType: z.string(),
});
export type FileContent = z.infer<typeof fileContentSchema>;

/** The first bytes of a text file, decoded. */
export const fileTextSchema = z.object({
  text: z.string(),
  /** True when the file is longer than what was read. */
  truncated: z.boolean(),
  size: z.number(),
});
export type FileText = z.infer<typeof fileTextSchema>;

/** A CSV, Parquet or Arrow file's first rows, as one Arrow IPC stream. */
export const fileTableSchema = z.object({
  ipc: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes'),
  numRows: z.number(),
  /** True when the file has more rows than were read. */
  truncated: z.boolean(),
});
export type FileTable = z.infer<typeof fileTableSchema>;

export const fileDownloadRequestSchema = z.object({
  tableRef,
  /** The files to download (a file or a selection); omitted: every file under `folder`. */
  fileIds: z.array(fileId).min(1).max(MAX_LISTED_FILES).optional(),
  /** The folder downloaded ('' for the top); names are kept relative to it. */
  folder: z.string().max(2000).default(''),
});
export type FileDownloadRequest = z.input<typeof fileDownloadRequestSchema>;

/** Which preview a file gets, from its content type and name. */
export function previewKindOf(name: string, contentType: string): PreviewKind {
  const lower = name.toLowerCase();
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  if (['csv', 'tsv', 'parquet', 'arrow', 'feather', 'arrows'].includes(ext)) return 'table';
  if (contentType.startsWith('image/')) return 'image';
  if (contentType === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.startsWith('video/')) return 'video';
  if (
    contentType.startsWith('text/') ||
    /(json|xml|javascript|sql|yaml|x-ndjson)/.test(contentType) ||
    TEXT_EXTENSIONS.has(ext)
  ) {
    return 'text';
  }
  return 'none';
}

const TEXT_EXTENSIONS = new Set([
  'txt',
  'md',
  'json',
  'ndjson',
  'jsonl',
  'xml',
  'yaml',
  'yml',
  'py',
  'r',
  'sql',
  'js',
  'ts',
  'do',
  'sas',
  'sh',
  'log',
  'ini',
  'toml',
  'html',
  'css',
  'c',
  'h',
  'cpp',
  'java',
  'go',
  'rs',
  'tex',
  'bib',
]);
