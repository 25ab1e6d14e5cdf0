import type { z } from 'zod';
import type { Channels, Domain } from '../../../shared/contract';
import type { ChannelSpec } from '../../../shared/contract/define';

/** Who is calling: one renderer window (Electron) or one WebSocket connection (browser mode). */
export interface CallContext {
  clientId: string;
}

type Handler<C> =
  C extends ChannelSpec<infer P, infer R>
    ? (params: z.output<P>, context: CallContext) => Promise<z.input<R>> | z.input<R>
    : never;

/** The Node side's implementation of every channel; TypeScript enforces completeness. */
export type ChannelHandlers = {
  [D in Domain]: { [M in keyof Channels[D]]: Handler<Channels[D][M]> };
};
