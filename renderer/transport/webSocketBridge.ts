import { buildBridge, type RedivisBridge } from '../../shared/contract/bridge';
import { appError, type Outcome } from '../../shared/contract/errors';
import { decodeMessage, encodeMessage } from '../../shared/contract/wireCodec';

type Listener = (payload: unknown) => void;

/**
 * Browser mode's transport: the contract over a WebSocket to the loopback server that served
 * this page. The launch secret travels in an HttpOnly cookie the server set, so this code
 * never handles it. A dropped connection fails pending calls with a clear error.
 */
export async function connectWebSocketBridge(url: string): Promise<RedivisBridge> {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  const pending = new Map<number, (outcome: Outcome<unknown>) => void>();
  const listeners = new Map<string, Set<Listener>>();
  let nextId = 1;

  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('Could not connect to the app server.')), {
      once: true,
    });
  });

  socket.addEventListener('message', (event: MessageEvent<string | ArrayBuffer>) => {
    const raw = typeof event.data === 'string' ? event.data : new Uint8Array(event.data);
    const message = decodeMessage(raw) as {
      type: string;
      id?: number;
      outcome?: Outcome<unknown>;
      event?: string;
      payload?: unknown;
    };
    if (message.type === 'result' && message.id !== undefined && message.outcome) {
      pending.get(message.id)?.(message.outcome);
      pending.delete(message.id);
    } else if (message.type === 'event' && message.event) {
      listeners.get(message.event)?.forEach((listener) => listener(message.payload));
    }
  });

  socket.addEventListener('close', () => {
    const lost = appError('network', 'Lost the connection to the app server. Reload the page.');
    for (const resolve of pending.values()) resolve({ ok: false, error: lost });
    pending.clear();
  });

  return buildBridge(
    (channel, params) =>
      new Promise((resolve) => {
        if (socket.readyState !== WebSocket.OPEN) {
          resolve({
            ok: false,
            error: appError('network', 'Not connected to the app server. Reload the page.'),
          });
          return;
        }
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(encodeMessage({ type: 'invoke', id, channel, params }));
      }),
    (event, listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
}
