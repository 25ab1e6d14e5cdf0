import type { z } from 'zod';
import type { ChannelSpec } from './define';

/** Request channels of the catalog domain. */
export const catalogChannels = {} satisfies Record<string, ChannelSpec>;

/** Events of the catalog domain. */
export const catalogEvents = {} satisfies Record<string, z.ZodType>;
