import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../../shared/contract/bridge';
import type { Outcome } from '../../shared/contract/errors';

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
