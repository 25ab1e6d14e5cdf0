import { appChannels } from './appChannels';
import { catalogChannels } from './catalogChannels';
import { filesChannels } from './filesChannels';
import { jobsChannels } from './jobsChannels';
import { previewChannels } from './previewChannels';
import { queriesChannels } from './queriesChannels';
import { sessionChannels } from './sessionChannels';
import { settingsChannels } from './settingsChannels';
import { uploadsChannels } from './uploadsChannels';
import type { ChannelGroups, ParamsOf, ResultOf } from './define';
import type { EventName, EventPayload } from './events';

/**
 * The whole contract between the renderer and the Node side. Each domain adds its group
 * here; both transports and the preload are generated from this one map.
 */
export const channels = {
  app: appChannels,
  session: sessionChannels,
  catalog: catalogChannels,
  preview: previewChannels,
  jobs: jobsChannels,
  uploads: uploadsChannels,
  queries: queriesChannels,
  files: filesChannels,
  settings: settingsChannels,
} satisfies ChannelGroups;

export type Channels = typeof channels;
export type Domain = keyof Channels;

type ClientMethod<C> = [ParamsOf<C>] extends [void] | [undefined]
  ? () => Promise<ResultOf<C>>
  : (params: ParamsOf<C>) => Promise<ResultOf<C>>;

/** What the renderer holds: one async function per channel, plus typed event subscription. */
export type RedivisClient = {
  [D in Domain]: { [M in keyof Channels[D]]: ClientMethod<Channels[D][M]> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type { AppError, Outcome, ErrorCode, ErrorAction } from './errors';
export type { EventName, EventPayload } from './events';
export { eventSchemas } from './events';
export { listChannels, channelName } from './define';
