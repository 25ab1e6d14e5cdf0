import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../../shared/contract/bridge';
import type { Outcome } from '../../shared/contract/errors';
import { fileDragKey, startFileDragMessage, type FileDrag } from '../../shared/contract/filesDrag';
import { localFilesKey, registerLocalFileMessage, type LocalFiles } from '../../shared/contract/uploadFiles';

/**
 * Exposes exactly the contract on window.redivis: one function per channel and typed event
 * subscription. The renderer never sees ipcRenderer itself.
 */
const bridge = buildBridge(
  (channel, params) => ipcRenderer.invoke(channel, params) as Promise<Outcome<unknown>>,
  (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
);

contextBridge.exposeInMainWorld('redivis', bridge);

// Dropped files carry no path in the page; only the preload may ask Electron for it, and it
// hands the path to the Node side directly: the page gets an opaque id, never the path.
const localFiles: LocalFiles = {
  async register(file) {
    const path = webUtils.getPathForFile(file);
    if (!path) return null;
    const outcome = (await ipcRenderer.invoke(registerLocalFileMessage, path)) as Outcome<string>;
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  },
};
contextBridge.exposeInMainWorld(localFilesKey, localFiles);

// Drag-out of files of file-index tables: the page names the file, the main process starts the
// OS drag with the copy it fetched (see filesDrag.ts).
const fileDrag: FileDrag = {
  start(tableRef, fileId) {
    ipcRenderer.send(startFileDragMessage, { tableRef: String(tableRef), fileId: String(fileId) });
  },
};
contextBridge.exposeInMainWorld(fileDragKey, fileDrag);
