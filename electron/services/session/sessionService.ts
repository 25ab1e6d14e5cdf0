import type { SessionView } from '../../../shared/contract/sessionChannels';
import type { TokenSource } from '../redivis/apiClient';

/** The signed-in account, as the rest of the services see it. Tokens never leave here. */
export interface SessionService extends TokenSource {
  /** API base of the active account's server, e.g. https://redivis.com/api/v1. */
  apiBase(): string;
  /**
   * A folder for caches that belong to the signed-in account (undefined when signed out). It is
   * deleted when the account signs out; listen to `session.changed` to drop in-memory state.
   */
  userCacheDir(): string | undefined;
  /**
   * The sign-in was granted read access only (its scopes are known and lack `data.edit`), so
   * Redivis hides unreleased versions and refuses changes even for the user's own datasets.
   */
  readOnly(): boolean;
  /**
   * Called after every sign-in, sign-out or switch (like the `session.changed` event), so
   * services drop in-memory state that belonged to the previous account. Returns unsubscribe.
   */
  onChanged(listener: (session: SessionView | null) => void): () => void;
  dispose(): void;
}
