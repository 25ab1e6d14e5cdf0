import { safeStorage } from 'electron';
import type { SecretProtection, SecretStore } from '../services/ports';

export interface EncryptedRecordStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

interface StoredSecret {
  method: SecretProtection;
  data: string;
}

/**
 * Secrets encrypted with the OS keychain through safeStorage, each tagged with how it was
 * protected. On Linux without a keyring safeStorage falls back to 'basic_text' (a fixed key),
 * which the UI reports as weak.
 */
export function createSafeStorageSecrets(records: EncryptedRecordStore): SecretStore {
  const protection = (): SecretProtection => {
    if (!safeStorage.isEncryptionAvailable()) return 'plain_file';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'basic_text';
    }
    return 'os_keychain';
  };
  return {
    protection,
    async get(key) {
      const stored = records.get(key) as StoredSecret | undefined;
      if (!stored || typeof stored.data !== 'string') return undefined;
      if (stored.method === 'plain_file') return Buffer.from(stored.data, 'base64').toString('utf8');
      return safeStorage.decryptString(Buffer.from(stored.data, 'base64'));
    },
    async set(key, value) {
      const method = protection();
      const data =
        method === 'plain_file'
          ? Buffer.from(value, 'utf8').toString('base64')
          : safeStorage.encryptString(value).toString('base64');
      records.set(key, { method, data } satisfies StoredSecret);
    },
    async delete(key) {
      records.delete(key);
    },
  };
}
