import { describe, expect, it } from 'vitest';
import type { RedivisClient } from '../../../shared/contract';
import { setClient } from '../../ui/client';
import { grantAccessFor } from './grantAccess';

function recordingClient(calls: unknown[]): RedivisClient {
  const view = {
    accountId: 'a',
    userName: 'demo_user',
    server: 'http://127.0.0.1:1/api/v1',
    serverLabel: 'Local demo server',
    scopes: [],
    method: 'browser' as const,
    protection: 'plain_file' as const,
  };
  return {
    session: {
      grantAccess: async (params: unknown) => {
        calls.push(params);
        return view;
      },
    },
  } as unknown as RedivisClient;
}

describe('grantAccessFor', () => {
  it('asks for the scopes the server named in the error', async () => {
    const calls: unknown[] = [];
    setClient(recordingClient(calls));
    await grantAccessFor({
      code: 'insufficient_scope',
      message: 'The app needs more access.',
      detail: 'data.data data.edit',
      action: 'grant_access',
    });
    expect(calls).toEqual([{ scopes: ['data.data', 'data.edit'] }]);
  });

  it('leaves the choice to the service when the detail names no scope', async () => {
    const calls: unknown[] = [];
    setClient(recordingClient(calls));
    await grantAccessFor({
      code: 'insufficient_scope',
      message: 'The app needs more access.',
      detail: '403 insufficient_scope: you need more access to this table',
      action: 'grant_access',
    });
    expect(calls).toEqual([{ scopes: undefined }]);
  });
});
