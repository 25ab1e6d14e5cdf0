import { z } from 'zod';
import { channel, type ChannelSpec } from './define';
import {
  fileContentSchema,
  fileDownloadRequestSchema,
  fileListingSchema,
  fileRefSchema,
  fileTableSchema,
  fileTextSchema,
} from './filesModel';
import { jobSchema } from './jobModel';

const tableRef = z.string().min(1).max(1000);

/** Request channels of the files domain: the files of file-index tables (spec §3.5). */
export const filesChannels = {
  /** Every file of a file-index table with the index's columns (cached, revalidated with If-Modified-Since). */
  list: channel({
    params: z.object({ tableRef, refresh: z.boolean().optional() }),
    result: fileListingSchema,
  }),
  /** An address the page can load the file's bytes from (images, PDF, audio, video), with Range support. */
  content: channel({ params: fileRefSchema, result: fileContentSchema }),
  /** The first megabyte of a text file, decoded as UTF-8. */
  readText: channel({ params: fileRefSchema, result: fileTextSchema }),
  /** The first rows of a CSV, Parquet or Arrow file as Arrow, for the grid. */
  readTable: channel({ params: fileRefSchema, result: fileTableSchema }),
  /**
   * Asks where to save (a file, or a folder for several) and starts a download job; null when
   * the user cancels the dialog.
   */
  download: channel({ params: fileDownloadRequestSchema, result: jobSchema.nullable() }),
  /** Desktop app: fetches a file (md5-checked) into the app's cache so it can be dragged out. */
  prepareDrag: channel({ params: fileRefSchema, result: z.void() }),
} satisfies Record<string, ChannelSpec>;

/** The files domain has no events of its own: downloads report through `jobs.updated`. */
export const filesEvents = {} satisfies Record<string, z.ZodType>;
