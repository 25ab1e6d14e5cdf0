import { z } from 'zod';
import { appErrorSchema } from './errorSchema';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** A download, export or upload, as data (design section 4). */
export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(['download', 'export', 'upload']),
  title: z.string(),
  status: z.enum(jobStatuses),
  bytesDone: z.number(),
  bytesTotal: z.number().optional(),
  rowsDone: z.number(),
  rowsTotal: z.number().optional(),
  /** Bytes per second over the last few seconds. */
  rate: z.number().optional(),
  /** Estimated seconds until done, from the recent rate (bytes, or rows when bytes have no total). */
  secondsLeft: z.number().optional(),
  /** A short phase description: "Waiting for the server", "Processing upload". */
  phase: z.string().optional(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  error: appErrorSchema.optional(),
  /** Where the result went: a file or folder path. */
  output: z.string().optional(),
  retryable: z.boolean(),
});
export type Job = z.infer<typeof jobSchema>;
