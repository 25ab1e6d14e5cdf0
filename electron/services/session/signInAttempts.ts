import { AppFailure, appError, fail } from '../../../shared/contract/errors';
import {
  editScopes,
  readScopes,
  scopesForAccessLevel,
  type AccessLevel,
  type SessionView,
  type SignInMethod,
  type SignInProgress,
} from '../../../shared/contract/sessionChannels';
import { accountIdFor, type AccountRecord } from './accountStore';
import { signInWithBrowser } from './browserSignIn';
import { signInWithDevice } from './deviceSignIn';
import { createOAuthServer, normaliseApiBase } from './oauthServer';
import type { SessionManager } from './sessionManager';
import { jwtScopes, type StoredTokens } from './tokenSet';
import { fetchProfile, fixedToken } from './userProfile';

interface Attempt {
  controller: AbortController;
  progress: SignInProgress | null;
}

/**
 * Runs sign-in attempts, one at a time (a new one cancels the previous), publishes their
 * progress and turns the tokens they bring back into the active account.
 */
export class SignInAttempts {
  private current: Attempt | undefined;
  /** Origin of the server a device sign-in is waiting on: its verification page may be opened. */
  private deviceServerOrigin: string | undefined;

  constructor(private readonly session: SessionManager) {}

  progress(): SignInProgress | null {
    return this.current?.progress ?? null;
  }

  cancel(): void {
    this.current?.controller.abort();
  }

  browser(server: string, accessLevel: AccessLevel): Promise<SessionView> {
    return this.browserWithScopes(server, scopesForAccessLevel(accessLevel), 'browser');
  }

  device(server: string, accessLevel: AccessLevel): Promise<SessionView> {
    const oauthServer = createOAuthServer(server, this.session.deps.options?.clientId);
    this.deviceServerOrigin = new URL(oauthServer.apiBase).origin;
    const scopes = scopesForAccessLevel(accessLevel);
    return this.run({ kind: 'device-pending' }, async (attempt) => {
      const tokens = await signInWithDevice({
        server: oauthServer,
        scopes,
        signal: attempt.controller.signal,
        secondMs: this.session.deps.options?.deviceSecondMs,
        onCode: (code) => this.publish(attempt, { kind: 'device', ...code }),
      });
      return this.finish(oauthServer.apiBase, tokens, 'device', attempt);
    });
  }

  async openDeviceVerification(): Promise<void> {
    const progress = this.progress();
    if (progress?.kind !== 'device') return fail('invalid_request', 'No device sign-in is waiting.');
    await this.session.deps.ports.openExternal(
      progress.verificationUriComplete ?? progress.verificationUri,
      this.deviceServerOrigin,
    );
  }

  token(server: string, token: string): Promise<SessionView> {
    const apiBase = normaliseApiBase(server);
    return this.run({ kind: 'token' }, async (attempt) => {
      const tokens: StoredTokens = { accessToken: token, scopes: jwtScopes(token) ?? [] };
      return this.finish(apiBase, tokens, 'api_token', attempt).catch((error: unknown) => {
        if (error instanceof AppFailure && error.appError.code === 'unauthenticated') {
          fail('unauthenticated', 'The server did not accept that API token.', {
            detail: 'Check that it was copied whole and has not been revoked.',
          });
        }
        throw error;
      });
    });
  }

  /** Signs in again in the browser, asking for what the account has plus what is missing. */
  grantAccess(missing: string[] | undefined): Promise<SessionView> {
    const active = this.session.activeAccount();
    if (!active)
      return Promise.reject(
        new AppFailure(appError('unauthenticated', 'You are not signed in.', { action: 'sign_in' })),
      );
    // Opaque API tokens do not say what they carry: start from read access then.
    const current = active.record.scopes.length > 0 ? active.record.scopes : readScopes;
    const wanted = new Set(['public', ...current, ...(missing?.length ? missing : editScopes)]);
    return this.browserWithScopes(active.record.server, [...wanted], 'browser');
  }

  private browserWithScopes(server: string, scopes: string[], method: SignInMethod): Promise<SessionView> {
    const oauthServer = createOAuthServer(server, this.session.deps.options?.clientId);
    return this.run({ kind: 'browser-pending' }, async (attempt) => {
      const tokens = await signInWithBrowser({
        server: oauthServer,
        scopes,
        signal: attempt.controller.signal,
        timeoutMs: this.session.deps.options?.signInTimeoutMs,
        openBrowser: (url) => this.session.deps.ports.openExternal(url, new URL(oauthServer.apiBase).origin),
        onWaiting: (authorizeUrl) => this.publish(attempt, { kind: 'browser', authorizeUrl }),
      });
      return this.finish(oauthServer.apiBase, tokens, method, attempt);
    });
  }

  private async run(
    initial: { kind: 'browser-pending' | 'device-pending' | 'token' },
    body: (attempt: Attempt) => Promise<SessionView>,
  ): Promise<SessionView> {
    this.cancel();
    const attempt: Attempt = { controller: new AbortController(), progress: null };
    this.current = attempt;
    if (initial.kind === 'token') this.publish(attempt, { kind: 'token' });
    try {
      return await body(attempt);
    } finally {
      if (this.current === attempt) {
        this.current = undefined;
        this.session.deps.events.emit('session.signInProgress', { progress: null });
      }
    }
  }

  private publish(attempt: Attempt, progress: SignInProgress): void {
    if (this.current !== attempt) return;
    attempt.progress = progress;
    this.session.deps.events.emit('session.signInProgress', { progress });
  }

  /** Learns who the tokens belong to (GET /users/me) and makes that account the active one. */
  private async finish(
    apiBase: string,
    tokens: StoredTokens,
    method: SignInMethod,
    attempt: Attempt,
  ): Promise<SessionView> {
    const profile = await fetchProfile(apiBase, fixedToken(tokens.accessToken), attempt.controller.signal);
    if (attempt.controller.signal.aborted) fail('cancelled', 'Sign-in was cancelled.');
    const record: AccountRecord = {
      id: accountIdFor(apiBase, profile.userName),
      server: apiBase,
      userName: profile.userName,
      fullName: profile.fullName,
      method,
      scopes: tokens.scopes,
    };
    return this.session.activate(record, tokens);
  }
}
