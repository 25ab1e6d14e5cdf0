import type { Channels, Domain } from './index';
import type { ParamsOf, ResultOf } from './define';
import { channelName } from './define';
import { channelNames, eventNames } from './channelNames';
import type { AppError, Outcome } from './errors';
import type { EventName, EventPayload } from './events';

type BridgeMethod<C> = (params?: ParamsOf<C>) => Promise<Outcome<ResultOf<C>>>;

/**
 * The object a transport hands the renderer: exactly one function per channel, answering
 * with an Outcome, plus subscription to declared events. The preload exposes one of these on
 * `window.redivis`; browser mode builds one over its WebSocket.
 */
export type RedivisBridge = {
  [D in Domain]: { [M in keyof Channels[D]]: BridgeMethod<Channels[D][M]> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type RawInvoke = (channel: string, params: unknown) => Promise<Outcome<unknown>>;
export type RawSubscribe = (event: string, listener: (payload: unknown) => void) => () => void;

const unknownEvent = (event: string): AppError => ({
  code: 'invalid_request',
  message: `Unknown event "${event}".`,
});

/** Builds the bridge from two raw primitives; only declared channels and events exist on it. */
export function buildBridge(invoke: RawInvoke, subscribe: RawSubscribe): RedivisBridge {
  const bridge: Record<string, unknown> = {};
  // Names only, no schemas: the preload builds this bridge and must stay small (see channelNames.ts).
  for (const [domain, methods] of Object.entries(channelNames)) {
    const group = (bridge[domain] ??= {}) as Record<string, unknown>;
    for (const method of methods) {
      const name = channelName(domain, method);
      group[method] = (params?: unknown) => invoke(name, params);
    }
  }
  const events = new Set<string>(eventNames);
  bridge.on = (event: string, listener: (payload: unknown) => void) => {
    if (!events.has(event)) throw new Error(unknownEvent(event).message);
    return subscribe(event, listener);
  };
  return bridge as RedivisBridge;
}
