import type { UserRecord } from '../store/model.js';

/** Who sent a request; its own module so reference resolution can name it without the route contract. */
export interface Caller {
  /** null for anonymous requests (no Authorization header). */
  user: UserRecord | null;
  /** Granted scopes; anonymous callers have `['public']`. */
  scopes: string[];
  tokenKind: 'anonymous' | 'oauth' | 'static';
}
