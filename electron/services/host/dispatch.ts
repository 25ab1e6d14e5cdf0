import { channels, listChannels } from '../../../shared/contract';
import type { ChannelEntry } from '../../../shared/contract/define';
import { AppFailure, appError, type Outcome } from '../../../shared/contract/errors';
import type { CallContext, ChannelHandlers } from './handlers';

const registry = new Map<string, ChannelEntry>(listChannels(channels).map((entry) => [entry.name, entry]));

export function isKnownChannel(name: string): boolean {
  return registry.has(name);
}

export function knownChannelNames(): string[] {
  return [...registry.keys()];
}

/**
 * The single entry point both transports use: validates the payload against the channel's
 * schema, runs the handler, and turns anything thrown into an error-as-data. Unexpected
 * exceptions are logged here (without payloads, which may hold secrets) and reported vaguely.
 */
export async function dispatch(
  handlers: ChannelHandlers,
  name: string,
  rawParams: unknown,
  context: CallContext,
): Promise<Outcome<unknown>> {
  const entry = registry.get(name);
  if (!entry) return { ok: false, error: appError('invalid_request', `Unknown request "${name}".`) };
  const parsed = entry.spec.params.safeParse(rawParams);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(params)'}: ${issue.message}`)
      .join('; ');
    return {
      ok: false,
      error: appError('invalid_request', `The request "${name}" had invalid parameters.`, {
        detail,
      }),
    };
  }
  const group = handlers[entry.domain as keyof ChannelHandlers] as Record<
    string,
    (params: unknown, context: CallContext) => unknown
  >;
  const handler = group[entry.method];
  if (!handler) return { ok: false, error: appError('internal', `No handler for "${name}".`) };
  try {
    const value = await handler(parsed.data, context);
    return { ok: true, value: entry.spec.result.parse(value) };
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.appError };
    console.error(`[${name}] failed:`, error instanceof Error ? error.message : String(error));
    return {
      ok: false,
      error: appError('internal', 'Something went wrong inside the app.', {
        detail: error instanceof Error ? error.message : undefined,
        action: 'retry',
      }),
    };
  }
}
