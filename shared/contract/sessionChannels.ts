import type { z } from 'zod';
import type { ChannelSpec } from './define';

/** Request channels of the session domain. */
export const sessionChannels = {} satisfies Record<string, ChannelSpec>;

/** Events of the session domain. */
export const sessionEvents = {} satisfies Record<string, z.ZodType>;
