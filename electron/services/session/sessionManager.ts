import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { AppFailure, fail } from '../../../shared/contract/errors';
import type { SessionStatus, SessionView, TokenProtection } from '../../../shared/contract/sessionChannels';
import type { EventBus } from '../host/eventBus';
import type { Ports } from '../ports';
import type { ServiceConfig } from '../serviceContext';
import type { SettingsStore } from '../settings/settingsStore';
import { AccountStore, type AccountRecord } from './accountStore';
import { createOAuthServer } from './oauthServer';
import { serverLabel, serverOptions, tryNormalise } from './serverOptions';
import type { SessionService } from './sessionService';
import { jwtScopes, mergeRefreshed, type StoredTokens } from './tokenSet';
import { fetchProfile, fixedToken } from './userProfile';

/** Refresh this long before the access token expires, so a request never starts with a dead one. */
const REFRESH_MARGIN_MS = 60_000;
const ENV_ACCOUNT_ID = 'env';

export interface SessionOptions {
  /** A registered OAuth client id; without one, requests carry none. */
  clientId?: string;
  signInTimeoutMs?: number;
  /** Milliseconds per second of a device-flow polling interval (tests shorten it). */
  deviceSecondMs?: number;
}

export interface SessionDeps {
  config: ServiceConfig;
  ports: Ports;
  settings: SettingsStore;
  events: EventBus;
  options?: SessionOptions;
}

interface ActiveAccount {
  record: AccountRecord;
  tokens: StoredTokens;
}

/**
 * Holds the signed-in account: loads it lazily, hands out access tokens (refreshing them
 * before expiry and after a 401, one refresh at a time), switches and signs out. Tokens stay
 * in here and in the secret store; everything leaving is a SessionView.
 */
export class SessionManager implements SessionService {
  readonly accounts: AccountStore;
  private active: ActiveAccount | undefined;
  private envAccount: ActiveAccount | undefined;
  private loaded: Promise<void> | undefined;
  private ready = false;
  private refreshing: Promise<boolean> | undefined;
  private readonly listeners = new Set<(session: SessionView | null) => void>();

  constructor(readonly deps: SessionDeps) {
    this.accounts = new AccountStore(deps.settings, deps.ports.secrets);
  }

  apiBase(): string {
    // Before the lazy load, REDIVIS_API_TOKEN will win over a remembered account.
    if (!this.ready && this.deps.config.envApiToken) return this.deps.config.defaultApiEndpoint;
    const record = this.active?.record ?? this.accounts.find(this.accounts.activeId() ?? '');
    return record?.server ?? this.deps.config.demoApiEndpoint ?? this.deps.config.defaultApiEndpoint;
  }

  async accessToken(): Promise<string | undefined> {
    await this.load();
    const active = this.active;
    if (!active) return undefined;
    const { expiresAt, refreshToken } = active.tokens;
    if (refreshToken && expiresAt !== undefined && expiresAt - Date.now() < REFRESH_MARGIN_MS) {
      await this.refresh();
    }
    return this.active?.tokens.accessToken;
  }

  async refreshAfterUnauthorized(): Promise<boolean> {
    await this.load();
    if (!this.active?.tokens.refreshToken) return false;
    return this.refresh();
  }

  readOnly(): boolean {
    const scopes = this.active?.record.scopes ?? [];
    return scopes.length > 0 && !scopes.includes('data.edit');
  }

  /** Where per-user caches go; deleted with the account on sign-out. */
  userCacheDir(): string | undefined {
    const id = this.active?.record.id;
    return id ? this.cacheDirFor(id) : undefined;
  }

  private cacheDirFor(accountId: string): string {
    const name = createHash('sha256').update(accountId).digest('hex').slice(0, 24);
    return join(this.deps.config.dataDir, 'accounts', name);
  }

  onChanged(listener: (session: SessionView | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.listeners.clear();
    this.active = undefined;
    this.envAccount = undefined;
  }

  protection(): TokenProtection {
    return this.deps.ports.secrets.protection();
  }

  view(account: ActiveAccount | AccountRecord | undefined = this.active): SessionView | null {
    if (!account) return null;
    const record = 'record' in account ? account.record : account;
    return {
      accountId: record.id,
      userName: record.userName,
      fullName: record.fullName,
      server: record.server,
      serverLabel: serverLabel(record.server, this.deps.config),
      scopes: record.scopes,
      method: record.method,
      protection: record.method === 'env_token' ? 'memory' : this.protection(),
    };
  }

  async status(): Promise<Omit<SessionStatus, 'signIn'>> {
    await this.load();
    const remembered = this.accounts.list().map((record) => this.view(record));
    const env = this.envAccount ? [this.view(this.envAccount)] : [];
    const servers = serverOptions(this.deps.config);
    return {
      session: this.view(),
      accounts: [...env, ...remembered].filter((v): v is SessionView => v !== null),
      servers,
      defaultServer: servers[0]?.apiBase ?? this.deps.config.defaultApiEndpoint,
      protection: this.protection(),
    };
  }

  /** Makes a freshly signed-in account the active one and tells every window. */
  async activate(record: AccountRecord, tokens: StoredTokens): Promise<SessionView> {
    await this.load();
    if (record.method === 'env_token') {
      this.envAccount = { record, tokens };
    } else {
      await this.accounts.save(record, tokens);
      this.accounts.setActive(record.id);
    }
    this.active = { record, tokens };
    return this.announce();
  }

  async switchTo(accountId: string): Promise<SessionView> {
    await this.load();
    if (accountId === ENV_ACCOUNT_ID && this.envAccount) {
      this.active = this.envAccount;
      return this.announce();
    }
    const record = this.accounts.find(accountId);
    const tokens = record ? await this.accounts.tokens(record.id) : undefined;
    if (!record || !tokens) {
      return fail('unauthenticated', 'That account needs to sign in again.', { action: 'sign_in' });
    }
    this.accounts.setActive(record.id);
    this.active = { record, tokens };
    return this.announce();
  }

  /** Deletes an account's tokens and per-user cache; signs out when it is the active one. */
  async forget(accountId: string): Promise<void> {
    await this.load();
    const wasActive = this.active?.record.id === accountId;
    await rm(this.cacheDirFor(accountId), { recursive: true, force: true });
    if (accountId === ENV_ACCOUNT_ID) this.envAccount = undefined;
    else await this.accounts.remove(accountId);
    if (wasActive) {
      this.active = undefined;
      this.accounts.setActive(undefined);
      this.announce();
    }
  }

  async signOut(): Promise<void> {
    await this.load();
    if (this.active) await this.forget(this.active.record.id);
  }

  /** Reloads the user's name through the normal token path (so an expired token is refreshed). */
  async refreshProfile(): Promise<SessionView> {
    await this.load();
    const active = this.active;
    if (!active) return fail('unauthenticated', 'You are not signed in.', { action: 'sign_in' });
    const profile = await fetchProfile(active.record.server, this);
    if (this.active?.record.id !== active.record.id)
      return this.view() ?? fail('cancelled', 'The account changed.');
    const record = { ...this.active.record, fullName: profile.fullName ?? this.active.record.fullName };
    this.active = { ...this.active, record };
    if (record.method !== 'env_token') this.accounts.saveRecord(record);
    return this.view(this.active) as SessionView;
  }

  activeAccount(): ActiveAccount | undefined {
    return this.active;
  }

  private announce(): SessionView {
    const view = this.view();
    for (const listener of this.listeners) {
      try {
        listener(view);
      } catch (error) {
        console.error('A session listener failed:', error instanceof Error ? error.name : 'error');
      }
    }
    this.deps.events.emit('session.changed', { session: view });
    return view as SessionView;
  }

  private load(): Promise<void> {
    this.loaded ??= this.loadOnce().finally(() => {
      this.ready = true;
    });
    return this.loaded;
  }

  private async loadOnce(): Promise<void> {
    const { config } = this.deps;
    const server = tryNormalise(config.defaultApiEndpoint);
    if (config.envApiToken && server) {
      // Like the official clients, a token in REDIVIS_API_TOKEN takes precedence over sign-in.
      const scopes = jwtScopes(config.envApiToken) ?? [];
      const tokens: StoredTokens = { accessToken: config.envApiToken, scopes };
      const profile = await fetchProfile(server, fixedToken(config.envApiToken)).catch((error: unknown) => {
        if (error instanceof AppFailure && error.appError.code === 'unauthenticated') return undefined;
        return { userName: 'unknown', fullName: 'API token user' };
      });
      if (profile) {
        const record: AccountRecord = {
          id: ENV_ACCOUNT_ID,
          server,
          userName: profile.userName,
          fullName: profile.fullName,
          method: 'env_token',
          scopes: tokens.scopes,
        };
        this.envAccount = { record, tokens };
        this.active = this.envAccount;
        return;
      }
    }
    const id = this.accounts.activeId();
    const record = id ? this.accounts.find(id) : undefined;
    const tokens = record ? await this.accounts.tokens(record.id) : undefined;
    if (record && tokens) this.active = { record, tokens };
  }

  private refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<boolean> {
    const account = this.active;
    const refreshToken = account?.tokens.refreshToken;
    if (!account || !refreshToken) return false;
    const server = createOAuthServer(account.record.server, this.deps.options?.clientId);
    let tokens: StoredTokens;
    try {
      const response = await oauth.refreshTokenGrantRequest(
        server.as,
        server.client,
        server.clientAuth,
        refreshToken,
        server.requestOptions(),
      );
      tokens = mergeRefreshed(
        account.tokens,
        await oauth.processRefreshTokenResponse(server.as, server.client, response),
      );
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError && error.status < 500) {
        // The server no longer honours this sign-in: end it so the user is asked to sign in again.
        if (this.active?.record.id === account.record.id) await this.forget(account.record.id);
      }
      return false;
    }
    await this.accounts.updateTokens(account.record.id, tokens);
    if (this.active?.record.id === account.record.id) this.active = { ...this.active, tokens };
    return true;
  }
}
