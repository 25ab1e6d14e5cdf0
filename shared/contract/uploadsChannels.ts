import type { z } from 'zod';
import type { ChannelSpec } from './define';

/** Request channels of the uploads domain. */
export const uploadsChannels = {} satisfies Record<string, ChannelSpec>;

/** Events of the uploads domain. */
export const uploadsEvents = {} satisfies Record<string, z.ZodType>;
