import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }));

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    // A reversible stand-in for the OS cipher, so stored bytes differ from the secret.
    encryptString: (text: string) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (data: Buffer) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString('utf8'),
  },
}));

const { createSafeStorageSecrets } = await import('./safeStorageSecrets');

function records() {
  const values = new Map<string, unknown>();
  return {
    values,
    get: (key: string) => values.get(key),
    set: (key: string, value: unknown) => void values.set(key, value),
    delete: (key: string) => void values.delete(key),
  };
}

describe('safeStorage secrets', () => {
  beforeEach(() => {
    state.available = true;
    state.backend = 'gnome_libsecret';
  });

  it('encrypts with the OS keychain and tags each secret with the method', async () => {
    const store = records();
    const secrets = createSafeStorageSecrets(store);
    await secrets.set('token', 'the-secret-token');
    const raw = store.values.get('token') as { method: string; data: string };
    expect(raw.method).toBe('os_keychain');
    expect(JSON.stringify(raw)).not.toContain('the-secret-token');
    expect(Buffer.from(raw.data, 'base64').toString('utf8')).not.toContain('the-secret-token');
    expect(await secrets.get('token')).toBe('the-secret-token');
    await secrets.delete('token');
    expect(await secrets.get('token')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('reports the weak basic_text backend on Linux', async () => {
    state.backend = 'basic_text';
    const store = records();
    const secrets = createSafeStorageSecrets(store);
    expect(secrets.protection()).toBe('basic_text');
    await secrets.set('token', 'abc');
    expect((store.values.get('token') as { method: string }).method).toBe('basic_text');
    expect(await secrets.get('token')).toBe('abc');
  });

  it('falls back to a plain file, and says so, when no encryption is available', async () => {
    state.available = false;
    const store = records();
    const secrets = createSafeStorageSecrets(store);
    expect(secrets.protection()).toBe('plain_file');
    await secrets.set('token', 'abc');
    expect((store.values.get('token') as { method: string }).method).toBe('plain_file');
    expect(await secrets.get('token')).toBe('abc');
  });

  it('still reads a secret stored plainly after encryption became available', async () => {
    const store = records();
    state.available = false;
    await createSafeStorageSecrets(store).set('token', 'old');
    state.available = true;
    expect(await createSafeStorageSecrets(store).get('token')).toBe('old');
  });

  it('ignores malformed records', async () => {
    const store = records();
    store.values.set('token', { method: 'os_keychain', data: 42 });
    expect(await createSafeStorageSecrets(store).get('token')).toBeUndefined();
  });
});
