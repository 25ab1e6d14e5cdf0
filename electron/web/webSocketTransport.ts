import type { WebSocket } from 'ws';
import { decodeMessage, encodeMessage } from '../../shared/contract/wireCodec';
import { dispatch } from '../services/host/dispatch';
import type { ChannelHandlers } from '../services/host/handlers';
import { appError } from '../../shared/contract/errors';

interface InvokeMessage {
  type: 'invoke';
  id: number;
  channel: string;
  params?: unknown;
}

function isInvoke(value: unknown): value is InvokeMessage {
  const m = value as Partial<InvokeMessage> | null;
  return !!m && m.type === 'invoke' && typeof m.id === 'number' && typeof m.channel === 'string';
}

/** Serves the contract over one WebSocket connection: the same dispatch as IPC. */
export function serveConnection(socket: WebSocket, handlers: ChannelHandlers, clientId: string): void {
  socket.on('message', (data, isBinary) => {
    let message: unknown;
    try {
      message = decodeMessage(isBinary ? new Uint8Array(data as Buffer) : data.toString());
    } catch {
      socket.close(1007, 'Malformed message');
      return;
    }
    if (!isInvoke(message)) {
      socket.send(
        JSON.stringify({ type: 'protocolError', error: appError('invalid_request', 'Malformed request.') }),
      );
      return;
    }
    const id = message.id;
    void dispatch(handlers, message.channel, message.params, { clientId })
      .then((outcome) => {
        if (socket.readyState === socket.OPEN) socket.send(encodeMessage({ type: 'result', id, outcome }));
      })
      .catch(() => {
        if (socket.readyState !== socket.OPEN) return;
        const error = appError('internal', 'The request could not be answered.');
        socket.send(encodeMessage({ type: 'result', id, outcome: { ok: false, error } }));
      });
  });
}

export function sendEvent(socket: WebSocket, event: string, payload: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(encodeMessage({ type: 'event', event, payload }));
}
