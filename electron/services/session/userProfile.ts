import { RedivisApiClient } from '../redivis/apiClient';
import type { TokenSource } from '../redivis/apiClient';
import { getMe } from '../redivis/api/users';

export interface UserProfile {
  userName: string;
  fullName?: string;
}

/** GET /users/me with the given tokens: who a new token belongs to, or a fresh display name. */
export async function fetchProfile(
  apiBase: string,
  tokens: TokenSource,
  signal?: AbortSignal,
): Promise<UserProfile> {
  const api = new RedivisApiClient({ baseUrl: () => apiBase, tokens, maxAttempts: 3 });
  const me = await getMe(api, { signal, what: 'your user profile' });
  return { userName: me.name || me.userName || 'unknown', fullName: me.fullName || undefined };
}

/** A token source for one fixed token (checking a new token before it is stored). */
export function fixedToken(token: string): TokenSource {
  return { accessToken: async () => token, refreshAfterUnauthorized: async () => false };
}
