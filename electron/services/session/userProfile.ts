import { RedivisApiClient } from '../redivis/apiClient';
import type { TokenSource } from '../redivis/apiClient';

export interface UserProfile {
  userName: string;
  fullName?: string;
}

interface UserJson {
  name?: unknown;
  userName?: unknown;
  fullName?: unknown;
}

/** GET /users/me with the given tokens: who a new token belongs to, or a fresh display name. */
export async function fetchProfile(
  apiBase: string,
  tokens: TokenSource,
  signal?: AbortSignal,
): Promise<UserProfile> {
  const api = new RedivisApiClient({ baseUrl: () => apiBase, tokens, maxAttempts: 3 });
  const me = await api.get<UserJson>('/users/me', { signal, what: 'your user profile' });
  const userName =
    typeof me?.name === 'string' ? me.name : typeof me?.userName === 'string' ? me.userName : '';
  return {
    userName: userName || 'unknown',
    fullName: typeof me?.fullName === 'string' && me.fullName ? me.fullName : undefined,
  };
}

/** A token source for one fixed token (checking a new token before it is stored). */
export function fixedToken(token: string): TokenSource {
  return { accessToken: async () => token, refreshAfterUnauthorized: async () => false };
}
