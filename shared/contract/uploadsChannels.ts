import { z } from 'zod';
import { channel, type ChannelSpec } from './define';
import { jobSchema } from './jobModel';
import {
  destinationSchema,
  inspectedFileSchema,
  startUploadSchema,
  uploadFinishedSchema,
  uploadSourceSchema,
} from './uploadModel';

const datasetRef = z.object({ datasetRef: z.string().min(1).max(500) });

/** Request channels of the uploads domain. */
export const uploadsChannels = {
  /** Size, kind and detected parsing options of files about to be uploaded. */
  inspect: channel({
    params: z.object({ sources: z.array(uploadSourceSchema).min(1).max(200) }),
    result: z.array(inspectedFileSchema),
  }),
  /** The dataset behind a table or dataset reference, as an upload destination. */
  destination: channel({
    params: z.object({ ref: z.string().min(1).max(500), kind: z.enum(['table', 'dataset']) }),
    result: destinationSchema,
  }),
  /** Datasets the signed-in user can edit: the choices when a drop names no place. */
  editableDatasets: channel({
    params: z.void(),
    result: z.array(z.object({ datasetRef: z.string(), name: z.string() })),
  }),
  createNextVersion: channel({ params: datasetRef, result: destinationSchema }),
  release: channel({
    params: datasetRef.extend({ releaseNotes: z.string().max(10_000) }),
    result: destinationSchema,
  }),
  unrelease: channel({ params: datasetRef, result: destinationSchema }),
  /** Whether an upload (or raw file) of that name already exists on the table. */
  exists: channel({
    params: z.object({ tableRef: z.string().min(1), name: z.string().min(1) }),
    result: z.boolean(),
  }),
  /** Starts one upload as a job (it shows in the jobs panel). */
  start: channel({ params: startUploadSchema, result: jobSchema }),
} satisfies Record<string, ChannelSpec>;

/** Events of the uploads domain. */
export const uploadsEvents = {
  'uploads.finished': uploadFinishedSchema,
} satisfies Record<string, z.ZodType>;
