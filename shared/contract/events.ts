import { z } from 'zod';
import { appErrorSchema } from './errorSchema';
import { catalogEvents } from './catalogChannels';
import { filesEvents } from './filesChannels';
import { jobsEvents } from './jobsChannels';
import { previewEvents } from './previewChannels';
import { queriesEvents } from './queriesChannels';
import { sessionEvents } from './sessionChannels';
import { settingsEvents } from './settingsChannels';
import { uploadsEvents } from './uploadsChannels';

/**
 * Events pushed from the Node side to the renderer. Every payload has a schema; binary
 * payloads are Uint8Array fields, which both transports carry without JSON-encoding them.
 */
const appEvents = {
  /** A notice for the status bar (warnings from the server, background failures). */
  'app.notice': z.object({
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
    error: appErrorSchema.optional(),
    /** The table or dataset reference a server warning is about: shown on that page only. */
    about: z.string().optional(),
  }),
  /** Browser mode only: the Node side asks the page to open a URL in a new tab. */
  'app.openUrl': z.object({ url: z.string() }),
} satisfies Record<string, z.ZodType>;

export const eventSchemas = {
  ...appEvents,
  ...sessionEvents,
  ...catalogEvents,
  ...previewEvents,
  ...jobsEvents,
  ...uploadsEvents,
  ...queriesEvents,
  ...filesEvents,
  ...settingsEvents,
} satisfies Record<string, z.ZodType>;

export type EventSchemas = typeof eventSchemas;
export type EventName = keyof EventSchemas;
export type EventPayload<E extends EventName> = z.output<EventSchemas[E]>;
