import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../../emulator/src/index';
import type { EventName } from '../../../../shared/contract';
import { createServices, type Services } from '../../createServices';
import { dispatch } from '../../host/dispatch';
import type { Ports, SecretStore } from '../../ports';
import { memorySettings } from '../../settings/settingsStore';
import { answerConsent } from './emulatorConsent';

/** A secret store in memory that remembers every value ever written, to hunt for leaks. */
export function recordingSecrets(): SecretStore & { values: Map<string, string>; everWritten: string[] } {
  const values = new Map<string, string>();
  const everWritten: string[] = [];
  return {
    values,
    everWritten,
    protection: () => 'plain_file',
    get: async (key) => values.get(key),
    set: async (key, value) => {
      everWritten.push(value);
      values.set(key, value);
    },
    delete: async (key) => void values.delete(key),
  };
}

export type Browser = (url: string) => Promise<void>;

export interface Harness {
  services: Services;
  secrets: ReturnType<typeof recordingSecrets>;
  opened: string[];
  events: { event: EventName; payload: unknown }[];
  outcomes: unknown[];
  browser: { current: Browser };
  call(name: string, params?: unknown): Promise<unknown>;
  dataDir: string;
}

export async function harness(
  emulator: RunningEmulator,
  extra: { envApiToken?: string } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-session-'));
  const secrets = recordingSecrets();
  const opened: string[] = [];
  const browser = { current: (async () => undefined) as Browser };
  const ports: Ports = {
    openExternal: async (url) => {
      opened.push(url);
      await browser.current(url);
    },
    chooseSavePath: async () => undefined,
    secrets,
    notify: () => undefined,
    setTaskbarProgress: () => undefined,
    openPath: async () => undefined,
    showItemInFolder: async () => undefined,
  };
  const services = createServices(
    {
      mode: 'browser',
      appVersion: 'test',
      dataDir,
      defaultApiEndpoint: emulator.apiBase,
      demoApiEndpoint: emulator.apiBase,
      envApiToken: extra.envApiToken,
    },
    ports,
    memorySettings(),
  );
  const events: Harness['events'] = [];
  services.events.attach((event, payload) => events.push({ event, payload }));
  const outcomes: unknown[] = [];
  const call = async (name: string, params?: unknown) => {
    const outcome = await dispatch(services.handlers, name, params, { clientId: 'test' });
    outcomes.push(outcome);
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { appError: outcome.error });
    return outcome.value;
  };
  return { services, secrets, opened, events, outcomes, browser, call, dataDir };
}

/** The browser answers the consent page a moment after the app opens it. */
export const consenting =
  (
    decision: 'approve' | 'deny',
    user = 'demo_user',
    pages: { status: number; page: string }[] = [],
  ): Browser =>
  async (url) => {
    setTimeout(() => void answerConsent(url, decision, user).then((p) => pages.push(p)), 1);
  };

export async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; action?: string }> {
  try {
    await promise;
  } catch (error) {
    return (error as { appError: { code: string; message: string; action?: string } }).appError;
  }
  throw new Error('expected a failure');
}

export function storedTokens(h: Harness): { accessToken: string; refreshToken?: string }[] {
  return [...h.secrets.values.values()].map(
    (v) => JSON.parse(v) as { accessToken: string; refreshToken?: string },
  );
}
