import * as oauth from 'oauth4webapi';
import { fail } from '../../../shared/contract/errors';

/** One Redivis server as an OAuth authorization server, derived from its API base. */
export interface OAuthServer {
  apiBase: string;
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  /** The client id sent to the server, when one is registered. */
  registeredClientId?: string;
  /** Options every oauth4webapi request takes: plain http is allowed for loopback servers only. */
  requestOptions(signal?: AbortSignal): {
    [oauth.allowInsecureRequests]?: boolean;
    signal?: AbortSignal;
  };
}

// The id oauth4webapi needs internally when no client is registered; it never goes on the wire.
const UNREGISTERED_CLIENT = 'redivis-desktop-unregistered';

function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * Checks an API endpoint typed by the user or configured: https anywhere, plain http only on
 * this machine (the local demo server). Returns the normalised base without a trailing slash.
 */
export function normaliseApiBase(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('bad_input', 'That server address is not a valid URL.', {
      detail: 'Example: https://redivis.com/api/v1',
    });
  }
  const secure = url.protocol === 'https:';
  if (!secure && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return fail('bad_input', 'The server address must start with https://.', {
      detail: 'Plain http is accepted only for a server on this computer (127.0.0.1).',
    });
  }
  if (url.username || url.password || url.search || url.hash) {
    return fail('bad_input', 'The server address must not contain a user name, query or fragment.');
  }
  return url.toString().replace(/\/+$/, '');
}

/**
 * Redivis serves OAuth beside its API: https://redivis.com/api/v1 → https://redivis.com/oauth/.
 * A base without the /api/v1 suffix keeps its path as the prefix.
 */
export function oauthBaseFor(apiBase: string): string {
  const url = new URL(apiBase);
  const prefix = url.pathname.replace(/\/+$/, '').replace(/\/api\/v\d+$/, '');
  return `${url.origin}${prefix}/oauth/`;
}

export function createOAuthServer(apiBase: string, clientId?: string): OAuthServer {
  const base = normaliseApiBase(apiBase);
  const oauthBase = oauthBaseFor(base);
  const insecure = new URL(base).protocol === 'http:';
  const as: oauth.AuthorizationServer = {
    issuer: new URL(base).origin,
    authorization_endpoint: `${oauthBase}authorize`,
    token_endpoint: `${oauthBase}token`,
    device_authorization_endpoint: `${oauthBase}device_authorization`,
  };
  const registered = Boolean(clientId);
  return {
    apiBase: base,
    as,
    registeredClientId: registered ? clientId : undefined,
    client: { client_id: clientId || UNREGISTERED_CLIENT, token_endpoint_auth_method: 'none' },
    // A public native client: no secret. Without a registered id Redivis accepts requests that
    // carry no client_id at all, so the placeholder is removed before sending.
    clientAuth: (_as, client, body) => {
      if (registered) body.set('client_id', client.client_id);
      else body.delete('client_id');
    },
    requestOptions: (signal) => ({
      ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
      ...(signal ? { signal } : {}),
    }),
  };
}
