import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../services/createServices';
import { admit, newLaunchSecret, secretCookieName } from './launchSecret';
import { serveStatic } from './staticFiles';
import { sendEvent, serveConnection } from './webSocketTransport';

/** Extra HTTP endpoints (under /local/) that browser mode needs, e.g. staging dropped files. */
export type LocalRoute = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface BrowserServerOptions {
  services: Services;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  secret?: string;
  localRoutes?: Record<string, LocalRoute>;
}

export interface BrowserServer {
  /** Open this to use the app; it carries the launch secret. */
  url: string;
  origin: string;
  secret: string;
  /** The `Cookie` header value a page of this launch sends (for tests and tools). */
  cookie: string;
  close(): Promise<void>;
}

const refusals: Record<string, string> = {
  no_secret: 'This Redivis Desktop server needs the address it printed at start-up.',
  wrong_secret: 'This link belongs to another launch of Redivis Desktop.',
  foreign_origin: 'Requests from other sites are refused.',
  bad_host: 'Unexpected Host header.',
};

/**
 * Browser mode: the same services the desktop app runs, served to a browser on 127.0.0.1
 * over HTTP (the renderer) and a WebSocket (the contract).
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const secret = options.secret ?? newLaunchSecret();
  const sockets = new Map<string, WebSocket>();
  let origin = '';
  let nextClient = 1;

  const server = createServer((request, response) => {
    try {
      handleRequest(request, response);
    } catch {
      // Nothing a client sends may take the server down: a request it cannot make sense of
      // gets a plain refusal.
      if (!response.headersSent) response.writeHead(400, { 'Content-Type': 'text/plain' });
      response.end('Bad request');
    }
  });

  function handleRequest(request: IncomingMessage, response: ServerResponse): void {
    const admission = admit(request, secret, origin);
    if (admission !== 'ok' && admission !== 'ok_from_query') {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(refusals[admission]);
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    if (admission === 'ok_from_query') {
      // Trade the secret in the URL for a cookie so it leaves the address bar and history.
      url.searchParams.delete('key');
      response
        .writeHead(302, {
          'Set-Cookie': `${secretCookieName(new URL(origin).port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname + url.search,
        })
        .end();
      return;
    }
    const route = Object.entries(options.localRoutes ?? {}).find(([prefix]) =>
      url.pathname.startsWith(`/local/${prefix}`),
    );
    if (route) {
      void Promise.resolve(route[1](request, response)).catch(() => {
        if (!response.headersSent) response.writeHead(500).end();
      });
      return;
    }
    serveStatic(options.staticDir, url.pathname, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('The page could not be served.');
    });
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const admission = admit(request, secret, origin);
    // Browsers always send Origin on WebSocket handshakes; require it to be ours.
    if ((admission !== 'ok' && admission !== 'ok_from_query') || request.headers.origin === undefined) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const clientId = `ws-${nextClient++}`;
      // A malformed frame (bad opcode, invalid UTF-8, too large) is an 'error' on the socket;
      // unheard, it would be thrown and end the process.
      ws.on('error', () => ws.terminate());
      sockets.set(clientId, ws);
      ws.on('close', () => {
        sockets.delete(clientId);
        options.services.events.clientGone(clientId);
      });
      serveConnection(ws, options.services.handlers, clientId);
    });
  });

  const detach = options.services.events.attach((event, payload, clientId) => {
    for (const [id, ws] of sockets) if (!clientId || id === clientId) sendEvent(ws, event, payload);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?key=${secret}`,
    origin,
    secret,
    cookie: `${secretCookieName(port)}=${secret}`,
    async close() {
      detach();
      for (const ws of sockets.values()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
