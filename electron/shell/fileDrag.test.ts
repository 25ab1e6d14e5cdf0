import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  return {
    listeners,
    ipcMain: {
      on: vi.fn((name: string, fn: (event: unknown, payload: unknown) => void) => listeners.set(name, fn)),
      removeAllListeners: vi.fn((name: string) => listeners.delete(name)),
      handle: vi.fn(),
      removeHandler: vi.fn(),
    },
    nativeImage: { createFromDataURL: vi.fn(() => ({ isEmpty: () => false })) },
  };
});
vi.mock('electron', () => electron);

import { startFileDragMessage } from '../../shared/contract/filesDrag';
import { appRendererUrl } from './appProtocol';
import { dragIcon, registerFileDragHandler } from './ipcTransport';

function dragEvent(url: string) {
  return { senderFrame: { url }, sender: { startDrag: vi.fn() } };
}

describe('dragging a file out of the window', () => {
  const cache = {
    pathOf: vi.fn((tableRef: string, fileId: string) =>
      tableRef === 'demo.sample_files.files' && fileId === 'f1' ? '/cache/abc/report.pdf' : undefined,
    ),
  };

  it('starts the OS drag with the prepared file when the app page asks', () => {
    const stop = registerFileDragHandler(cache, appRendererUrl, dragIcon);
    const event = dragEvent(appRendererUrl);
    electron.listeners.get(startFileDragMessage)!(event, {
      tableRef: 'demo.sample_files.files',
      fileId: 'f1',
    });
    expect(event.sender.startDrag).toHaveBeenCalledWith({
      file: '/cache/abc/report.pdf',
      icon: expect.objectContaining({ isEmpty: expect.any(Function) }),
    });
    stop();
    expect(electron.listeners.has(startFileDragMessage)).toBe(false);
  });

  it('does nothing for another page, a file not prepared, or a malformed message', () => {
    registerFileDragHandler(cache, appRendererUrl, dragIcon);
    const handler = electron.listeners.get(startFileDragMessage)!;
    const foreign = dragEvent('https://example.com/');
    handler(foreign, { tableRef: 'demo.sample_files.files', fileId: 'f1' });
    const unknown = dragEvent(appRendererUrl);
    handler(unknown, { tableRef: 'demo.sample_files.files', fileId: 'f2' });
    const malformed = dragEvent(appRendererUrl);
    handler(malformed, { tableRef: 'demo.sample_files.files', fileId: { path: '/etc/passwd' } });
    handler(malformed, null);
    for (const event of [foreign, unknown, malformed]) expect(event.sender.startDrag).not.toHaveBeenCalled();
  });
});
