import { z } from 'zod';
import { channel, type ChannelSpec } from './define';
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
} satisfies Record<string, ChannelSpec>;

/** Events of the jobs domain: the whole job on every (throttled) change. */
export const jobsEvents = {
  'jobs.updated': jobSchema,
} satisfies Record<string, z.ZodType>;
