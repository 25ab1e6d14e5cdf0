import type { ServerOption } from '../../../shared/contract/sessionChannels';
import type { ServiceConfig } from '../serviceContext';
import { normaliseApiBase } from './oauthServer';

export const REDIVIS_API = 'https://redivis.com/api/v1';

/** The checked form of an API base, or undefined when it is not acceptable. */
export function tryNormalise(apiBase: string | undefined): string | undefined {
  if (!apiBase) return undefined;
  try {
    return normaliseApiBase(apiBase);
  } catch {
    return undefined;
  }
}

/** How a server is named in the UI: "Redivis", "Local demo server", or its host. */
export function serverLabel(apiBase: string, config: ServiceConfig): string {
  if (apiBase === tryNormalise(config.demoApiEndpoint)) return 'Local demo server';
  const url = new URL(apiBase);
  return url.hostname === 'redivis.com' ? 'Redivis' : url.host;
}

/**
 * The servers the sign-in screen offers, the preselected one first: the local demo server when
 * there is one, then the configured endpoint, then Redivis. A misconfigured endpoint is left
 * out rather than breaking the screen.
 */
export function serverOptions(config: ServiceConfig): ServerOption[] {
  const options: ServerOption[] = [];
  const add = (raw: string | undefined, kind: ServerOption['kind']) => {
    const apiBase = tryNormalise(raw);
    if (!apiBase || options.some((o) => o.apiBase === apiBase)) return;
    const isRedivis = new URL(apiBase).hostname === 'redivis.com';
    const resolved = kind === 'configured' && isRedivis ? 'redivis' : kind;
    options.push({ apiBase, kind: resolved, label: serverLabel(apiBase, config) });
  };
  add(config.demoApiEndpoint, 'demo');
  add(config.defaultApiEndpoint, 'configured');
  add(REDIVIS_API, 'redivis');
  return options;
}
