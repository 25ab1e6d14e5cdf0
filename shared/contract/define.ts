import type { z } from 'zod';

/** A request channel: the renderer asks, the Node side answers once. */
export interface ChannelSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly params: P;
  readonly result: R;
}

export function channel<P extends z.ZodType, R extends z.ZodType>(spec: {
  params: P;
  result: R;
}): ChannelSpec<P, R> {
  return spec;
}

/** Channels grouped by domain: `{ catalog: { listDatasets: channel(...) } }`. */
export type ChannelGroups = Record<string, Record<string, ChannelSpec>>;

export type ParamsOf<C> = C extends ChannelSpec<infer P, z.ZodType> ? z.input<P> : never;
export type ResultOf<C> = C extends ChannelSpec<z.ZodType, infer R> ? z.output<R> : never;

/** Wire name of a channel: `domain.method`. */
export function channelName(domain: string, method: string): string {
  return `${domain}.${method}`;
}

export interface ChannelEntry {
  name: string;
  domain: string;
  method: string;
  spec: ChannelSpec;
}

export function listChannels(groups: ChannelGroups): ChannelEntry[] {
  return Object.entries(groups).flatMap(([domain, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({
      name: channelName(domain, method),
      domain,
      method,
      spec,
    })),
  );
}
