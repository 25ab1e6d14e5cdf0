import type { TokenSource } from '../redivis/apiClient';

/** The signed-in account, as the rest of the services see it. Tokens never leave here. */
export interface SessionService extends TokenSource {
  /** API base of the active account's server, e.g. https://redivis.com/api/v1. */
  apiBase(): string;
  dispose(): void;
}
