import {
  ipcMain,
  nativeImage,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type NativeImage,
  type WebContents,
} from 'electron';
import { knownChannelNames, dispatch } from '../services/host/dispatch';
import type { ChannelHandlers } from '../services/host/handlers';
import type { EventBus } from '../services/host/eventBus';
import { appError, type Outcome } from '../../shared/contract/errors';
import { startFileDragMessage } from '../../shared/contract/filesDrag';
import { registerLocalFileMessage } from '../../shared/contract/uploadFiles';
import type { DragCache } from '../services/files/dragCache';
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

/** A small file icon for the OS drag image (Electron needs one). */
const DRAG_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAIklEQVR4nGPQztnwnxLMAGN8+PKLJDxqwKgBowbQygByMQCYGFFGz4hDggAAAABJRU5ErkJggg==';

/**
 * Drag-out: on the preload's message (at the page's dragstart) the OS drag starts with the
 * file the page had prepared. The page names a table and a file id; the path is looked up here,
 * and only for files the services fetched themselves.
 */
export function registerFileDragHandler(
  cache: Pick<DragCache, 'pathOf'>,
  rendererUrl: string,
  icon: () => NativeImage,
): () => void {
  ipcMain.on(startFileDragMessage, (event: IpcMainEvent, payload: unknown) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url, rendererUrl)) return;
    const { tableRef, fileId } = (payload ?? {}) as { tableRef?: unknown; fileId?: unknown };
    if (typeof tableRef !== 'string' || typeof fileId !== 'string') return;
    const file = cache.pathOf(tableRef, fileId);
    if (file) event.sender.startDrag({ file, icon: icon() });
  });
  return () => ipcMain.removeAllListeners(startFileDragMessage);
}

export function dragIcon(): NativeImage {
  return nativeImage.createFromDataURL(DRAG_ICON);
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
