import { z } from 'zod';
import { appErrorSchema } from './errorSchema';

/**
 * Where the bytes of an upload come from, always by an id the Node side handed out, never by
 * path: a file the user dropped or picked in the desktop app (its path stays in the Node side),
 * or a file the browser-mode page first streamed to the Node side's staging folder.
 */
export const uploadSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('picked'), fileId: z.string().regex(/^[a-z0-9-]{8,64}$/) }),
  z.object({ kind: z.literal('staged'), stagingId: z.string().regex(/^[a-z0-9-]{8,64}$/) }),
]);
export type UploadSource = z.infer<typeof uploadSourceSchema>;

/** Parsing options of a tabular upload (spec §6.2); defaults are detected from the file. */
export const uploadOptionsSchema = z.object({
  hasHeaderRow: z.boolean(),
  /** null lets the server detect it. */
  delimiter: z.string().max(4).nullable(),
  quoteCharacter: z.string().max(1),
  nullMarkers: z.array(z.string().max(100)).max(20),
  skipBadRecords: z.boolean(),
  hasQuotedNewlines: z.boolean(),
});
export type UploadOptions = z.infer<typeof uploadOptionsSchema>;

/** What the app learned about a file before uploading it. */
export const inspectedFileSchema = z.object({
  source: uploadSourceSchema,
  name: z.string(),
  size: z.number(),
  /** `tabular` files become uploads of a table; `file` ones go into file-index tables. */
  kind: z.enum(['tabular', 'file']),
  /** Redivis upload type (`delimited`, `ndjson`, `parquet`, …) for tabular files. */
  type: z.string().optional(),
  options: uploadOptionsSchema,
  /**
   * The start of a delimited file (whole lines, at most 16 KB), so the upload dialog can show
   * the first rows as the chosen options will read them.
   */
  sample: z
    .string()
    .max(16 * 1024)
    .optional(),
  /** Set when the file cannot be uploaded at all (empty, unreadable). */
  problem: appErrorSchema.optional(),
});
export type InspectedFile = z.infer<typeof inspectedFileSchema>;

export const destinationTableSchema = z.object({
  name: z.string(),
  /** Reference inside the unreleased version (`owner.dataset:next.table`). */
  tableRef: z.string(),
  isFileIndex: z.boolean(),
  uploadMergeStrategy: z.enum(['append', 'replace']),
  numRows: z.number().optional(),
});
export type DestinationTable = z.infer<typeof destinationTableSchema>;

/** A dataset as a place to upload to: its versions and the tables of its unreleased version. */
export const destinationSchema = z.object({
  /** Reference without a version (`owner.dataset`). */
  datasetRef: z.string(),
  datasetName: z.string(),
  canEdit: z.boolean(),
  /** The user cannot edit because the sign-in is read-only (more access can be granted). */
  readOnlySignIn: z.boolean().optional(),
  /** The unreleased version, when there is one. */
  nextVersion: z.object({ tag: z.string() }).nullable(),
  /** The latest released version; `canUnrelease` when it was released in the last 7 days. */
  currentVersion: z
    .object({ tag: z.string(), releasedAt: z.number().optional(), canUnrelease: z.boolean() })
    .nullable(),
  /** Tables of the unreleased version (empty when there is none). */
  tables: z.array(destinationTableSchema),
  /** The table the user addressed, when the reference named one. */
  tableName: z.string().optional(),
});
export type Destination = z.infer<typeof destinationSchema>;

export const conflictChoiceSchema = z.enum(['fail', 'replace', 'rename', 'skip']);
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;

export const startUploadSchema = z.object({
  source: uploadSourceSchema,
  /** An existing table of the unreleased version, or a new table to create in it. */
  into: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('table'), tableRef: z.string().min(1) }),
    z.object({
      kind: z.literal('newTable'),
      datasetRef: z.string().min(1),
      tableName: z.string().min(1).max(200),
      isFileIndex: z.boolean(),
    }),
  ]),
  /** The upload's (or raw file's) name; defaults to the file name. */
  name: z.string().min(1).max(500).optional(),
  /** Tabular files only; omitted for files into a file-index table. */
  options: uploadOptionsSchema.optional(),
  onConflict: conflictChoiceSchema,
});
export type StartUpload = z.infer<typeof startUploadSchema>;

/** Sent when an upload finished processing, so views of the table can refresh. */
export const uploadFinishedSchema = z.object({
  jobId: z.string(),
  tableRef: z.string(),
  name: z.string(),
  status: z.enum(['completed', 'skipped']),
  numRows: z.number().optional(),
  badRecordsCount: z.number().optional(),
  /** Rows in the whole table afterwards, when the server says. */
  tableNumRows: z.number().optional(),
});
export type UploadFinished = z.infer<typeof uploadFinishedSchema>;
