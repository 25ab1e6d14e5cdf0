import type { z } from 'zod';
import type { ChannelSpec } from './define';

/** Request channels of the preview domain. */
export const previewChannels = {} satisfies Record<string, ChannelSpec>;

/** Events of the preview domain. */
export const previewEvents = {} satisfies Record<string, z.ZodType>;
