import type { RedivisBridge } from './bridge';
import { AppFailure, type AppError } from './errors';
import type { RedivisClient } from './index';

/**
 * Unwraps a bridge's Outcomes: results resolve, errors reject with an AppFailure whose
 * `appError` the UI shows. The renderer uses only this; it never knows the transport.
 */
export function createClient(bridge: RedivisBridge): RedivisClient {
  const client: Record<string, unknown> = {};
  for (const [domain, group] of Object.entries(bridge)) {
    if (domain === 'on' || typeof group !== 'object' || group === null) continue;
    const wrapped: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(group as Record<string, unknown>)) {
      const call = fn as (params?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: AppError }>;
      wrapped[method] = async (params?: unknown) => {
        const outcome = await call(params);
        if (outcome.ok) return outcome.value;
        throw new AppFailure(outcome.error ?? { code: 'internal', message: 'The app gave an empty answer.' });
      };
    }
    client[domain] = wrapped;
  }
  client.on = bridge.on;
  return client as RedivisClient;
}
