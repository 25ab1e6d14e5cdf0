import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { knownChannelNames, dispatch } from '../services/host/dispatch';
import type { ChannelHandlers } from '../services/host/handlers';
import type { EventBus } from '../services/host/eventBus';
import { appError, type Outcome } from '../../shared/contract/errors';
import { registerLocalFileMessage } from '../../shared/contract/uploadFiles';
import type { LocalFiles } from '../services/uploads/localFiles';
import { isTrustedSenderUrl } from './trustedSender';

/**
 * Wires every contract channel to ipcMain.handle. Each call is checked for its sender frame
 * and its payload (in dispatch) before any service code runs.
 */
export function registerIpcHandlers(handlers: ChannelHandlers, rendererUrl: string): () => void {
  const names = knownChannelNames();
  for (const name of names) {
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, params: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, rendererUrl)) {
        return { ok: false, error: appError('forbidden', 'Request from an untrusted page refused.') };
      }
      return dispatch(handlers, name, params, { clientId: String(event.sender.id) });
    });
  }
  return () => names.forEach((name) => ipcMain.removeHandler(name));
}

/**
 * The one message that carries a path from the renderer process: the preload sends a dropped
 * file's path (from `webUtils`, which page code cannot reach) and gets back the id uploads
 * accept. It is not a contract channel, so the page's bridge cannot send it.
 */
export function registerLocalFileHandler(files: LocalFiles, rendererUrl: string): () => void {
  ipcMain.handle(registerLocalFileMessage, (event: IpcMainInvokeEvent, path: unknown): Outcome<string> => {
    if (!isTrustedSenderUrl(event.senderFrame?.url, rendererUrl)) {
      return { ok: false, error: appError('forbidden', 'Request from an untrusted page refused.') };
    }
    if (typeof path !== 'string') return { ok: false, error: appError('invalid_request', 'Not a file.') };
    try {
      return { ok: true, value: files.pick(path) };
    } catch {
      return { ok: false, error: appError('bad_input', 'This item is not a file on this computer.') };
    }
  });
  return () => ipcMain.removeHandler(registerLocalFileMessage);
}

/** Delivers bus events to windows: all of them, or the one a job belongs to. */
export function attachWindowEvents(bus: EventBus, windows: () => WebContents[]): () => void {
  return bus.attach((event, payload, clientId) => {
    for (const contents of windows()) {
      if (contents.isDestroyed()) continue;
      if (clientId && String(contents.id) !== clientId) continue;
      contents.send(event, payload);
    }
  });
}

/** Tells services when a window's page goes away (closed, crashed or reloaded). */
export function watchWindowClient(contents: WebContents, bus: EventBus): void {
  const clientId = String(contents.id);
  contents.on('destroyed', () => bus.clientGone(clientId));
  contents.on('render-process-gone', () => bus.clientGone(clientId));
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) bus.clientGone(clientId);
  });
}
