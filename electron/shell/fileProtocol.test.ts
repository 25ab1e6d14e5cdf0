import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
}));
vi.mock('electron', () => electron);

import { answerFileRequest, registerAppScheme, serveFileScheme } from './appProtocol';
import type { ContentAnswer, FileContent } from '../services/files/fileContent';
import { contentSecurityPolicy } from '../../shared/contentSecurityPolicy';

function fakeFiles(answer: Partial<ContentAnswer>) {
  const calls: unknown[][] = [];
  const files = {
    answer: vi.fn(async (...args: unknown[]) => {
      calls.push(args);
      return {
        status: 206,
        headers: { 'Content-Type': 'audio/wav', 'Content-Range': 'bytes 2-4/10' },
        body: (async function* () {
          yield new Uint8Array([2, 3]);
          yield new Uint8Array([4]);
        })(),
        abort: vi.fn(),
        ...answer,
      } satisfies ContentAnswer;
    }),
  } as unknown as FileContent;
  return { files, calls };
}

describe('redivis-file: scheme', () => {
  it('is registered with app: in one privileged call, streamed', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const schemes = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]![0] as {
      scheme: string;
      privileges: Record<string, boolean>;
    }[];
    expect(schemes.map((s) => s.scheme)).toEqual(['app', 'redivis-file']);
    expect(schemes[1]!.privileges).toMatchObject({ standard: true, secure: true, stream: true });
  });

  it('passes the handle path and Range to the files service and streams its answer', async () => {
    const { files, calls } = fakeFiles({});
    const response = await answerFileRequest(
      files,
      new Request('redivis-file://file/HANDLE/tone.wav', { headers: { Range: 'bytes=2-4' } }),
    );
    expect(calls[0]).toEqual(['GET', '/HANDLE/tone.wav', 'bytes=2-4']);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 2-4/10');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([2, 3, 4]);
  });

  it('answers nothing for another host, and is handled through the one service function', async () => {
    const { files, calls } = fakeFiles({});
    expect((await answerFileRequest(files, new Request('redivis-file://elsewhere/HANDLE/x'))).status).toBe(
      404,
    );
    expect(calls).toEqual([]);
    serveFileScheme(files);
    expect(electron.protocol.handle).toHaveBeenCalledWith('redivis-file', expect.any(Function));
  });

  it('is allowed by the page policy for images, media and frames only', () => {
    const directives = new Map(
      contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d] as [string, string]),
    );
    for (const name of ['img-src', 'media-src', 'frame-src'])
      expect(directives.get(name)).toContain('redivis-file:');
    for (const name of ['script-src', 'connect-src', 'default-src', 'object-src'])
      expect(directives.get(name)).not.toContain('redivis-file:');
  });
});
