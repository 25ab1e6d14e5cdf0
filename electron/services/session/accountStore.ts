import { createHash } from 'node:crypto';
import { z } from 'zod';
import { signInMethodSchema } from '../../../shared/contract/sessionChannels';
import type { SecretStore } from '../ports';
import type { SettingsStore } from '../settings/settingsStore';
import { isStoredTokens, type StoredTokens } from './tokenSet';

/** A remembered account: everything but its tokens, which only the secret store holds. */
const accountRecordSchema = z.object({
  id: z.string(),
  server: z.string(),
  userName: z.string(),
  fullName: z.string().optional(),
  method: signInMethodSchema,
  scopes: z.array(z.string()),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

const ACCOUNTS_KEY = 'session.accounts';
const ACTIVE_KEY = 'session.activeAccount';
const tokenKey = (id: string) =>
  `session.tokens.${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;

export function accountIdFor(server: string, userName: string): string {
  return `${userName.toLowerCase()}@${server}`;
}

/** Remembered accounts in settings, their tokens in the secret store (encrypted where possible). */
export class AccountStore {
  constructor(
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
  ) {}

  list(): AccountRecord[] {
    const parsed = z.array(accountRecordSchema).safeParse(this.settings.get(ACCOUNTS_KEY));
    return parsed.success ? parsed.data : [];
  }

  find(id: string): AccountRecord | undefined {
    return this.list().find((account) => account.id === id);
  }

  activeId(): string | undefined {
    const id = this.settings.get(ACTIVE_KEY);
    return typeof id === 'string' ? id : undefined;
  }

  setActive(id: string | undefined): void {
    if (id) this.settings.set(ACTIVE_KEY, id);
    else this.settings.delete(ACTIVE_KEY);
  }

  /** Adds or replaces an account and its tokens. */
  async save(record: AccountRecord, tokens: StoredTokens): Promise<void> {
    await this.secrets.set(tokenKey(record.id), JSON.stringify(tokens));
    this.saveRecord(record);
  }

  saveRecord(record: AccountRecord): void {
    const others = this.list().filter((account) => account.id !== record.id);
    this.settings.set(ACCOUNTS_KEY, [...others, record]);
  }

  async tokens(id: string): Promise<StoredTokens | undefined> {
    const raw = await this.secrets.get(tokenKey(id)).catch(() => undefined);
    if (!raw) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      return isStoredTokens(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  async updateTokens(id: string, tokens: StoredTokens): Promise<void> {
    await this.secrets.set(tokenKey(id), JSON.stringify(tokens));
  }

  /** Forgets an account: its record and its tokens. */
  async remove(id: string): Promise<void> {
    await this.secrets.delete(tokenKey(id));
    this.settings.set(
      ACCOUNTS_KEY,
      this.list().filter((account) => account.id !== id),
    );
    if (this.activeId() === id) this.setActive(undefined);
  }
}
