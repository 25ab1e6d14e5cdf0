import type { RedivisBridge } from '../../shared/contract/bridge';
import { connectWebSocketBridge } from './webSocketBridge';

declare global {
  interface Window {
    /** Present in the desktop app: exposed by the preload. */
    redivis?: RedivisBridge;
  }
}

/** The preload's bridge in Electron; otherwise the loopback WebSocket of browser mode. */
export async function pickBridge(): Promise<{ bridge: RedivisBridge; kind: 'ipc' | 'websocket' }> {
  if (window.redivis) return { bridge: window.redivis, kind: 'ipc' };
  const url = new URL('/contract', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { bridge: await connectWebSocketBridge(url.toString()), kind: 'websocket' };
}
