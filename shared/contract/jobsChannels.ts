import { z } from 'zod';
import { channel, type ChannelSpec } from './define';
import {
  exportDestinationSchema,
  exportFormats,
  exportPathCheckSchema,
  exportRequestSchema,
  exportTableInfoSchema,
} from './exportModel';
import { jobSchema } from './jobModel';

const jobRef = z.object({ id: z.string().min(1).max(100) });

/** Request channels of the jobs domain; kinds of job add their own start channels. */
export const jobsChannels = {
  list: channel({ params: z.void(), result: z.array(jobSchema) }),
  cancel: channel({ params: jobRef, result: z.void() }),
  retry: channel({ params: jobRef, result: jobSchema }),
  dismiss: channel({ params: jobRef, result: z.void() }),
  open: channel({ params: jobRef, result: z.void() }),
  showInFolder: channel({ params: jobRef, result: z.void() }),
  /** Table facts for the export dialog (size, columns, whether it may be downloaded). */
  describeExport: channel({
    params: z.object({ tableRef: z.string().min(1).max(1000) }),
    result: exportTableInfoSchema,
  }),
  /**
   * Asks where to save (native dialog in the desktop app); null when the user cancels. A
   * `directory` (browser mode's typed or browsed folder) is checked on the Node side first.
   */
  chooseExportPath: channel({
    params: z.object({
      defaultName: z.string().min(1).max(255),
      format: z.enum(exportFormats),
      directory: z.string().min(1).max(4096).optional(),
    }),
    result: exportPathCheckSchema.nullable(),
  }),
  /** Whether something already exists at a destination (to ask before replacing it). */
  checkExportPath: channel({ params: exportDestinationSchema, result: exportPathCheckSchema }),
  /**
   * The export dialog's format: the app starts the threads that write it, so an export begins
   * at once. Nothing for formats Redivis makes.
   */
  prepareExport: channel({ params: z.object({ format: z.enum(exportFormats) }), result: z.void() }),
  /** Starts a download (local formats) or a server export job. */
  startExport: channel({ params: exportRequestSchema, result: jobSchema }),
} satisfies Record<string, ChannelSpec>;

/** Events of the jobs domain: the whole job on every (throttled) change, and removals. */
export const jobsEvents = {
  'jobs.updated': jobSchema,
  /** A job left the list (dismissed, or replaced by its retry). */
  'jobs.removed': jobRef,
} satisfies Record<string, z.ZodType>;
