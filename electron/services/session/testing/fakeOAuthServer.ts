import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake server received, body parsed as a form. */
export interface SeenRequest {
  path: string;
  body: URLSearchParams;
  authorization?: string;
}

export type Reply = { status: number; body: unknown };

/**
 * A scripted OAuth server on 127.0.0.1 for unit tests of the sign-in flows: each endpoint
 * answers from a queue of replies (the last one repeats) and every request is recorded.
 */
export class FakeOAuthServer {
  readonly seen: SeenRequest[] = [];
  private replies = new Map<string, Reply[]>();
  private server: Server | undefined;
  apiBase = '';

  script(path: string, ...replies: Reply[]): void {
    this.replies.set(path, replies);
  }

  requests(path: string): SeenRequest[] {
    return this.seen.filter((r) => r.path === path);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void readBody(request).then((text) => {
        const path = new URL(request.url ?? '/', 'http://x').pathname;
        this.seen.push({
          path,
          body: new URLSearchParams(text),
          authorization: request.headers.authorization,
        });
        const queue = this.replies.get(path);
        const reply = queue && queue.length > 1 ? queue.shift() : queue?.[0];
        const payload = JSON.stringify(reply?.body ?? { error: 'not_found' });
        response.writeHead(reply?.status ?? 404, { 'Content-Type': 'application/json' });
        response.end(payload);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.apiBase = `http://127.0.0.1:${port}/api/v1`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export const tokenReply = (extra: Record<string, unknown> = {}): Reply => ({
  status: 200,
  body: {
    access_token: 'access-1',
    token_type: 'Bearer',
    expires_in: 3600,
    refresh_token: 'refresh-1',
    scope: 'public data.data',
    ...extra,
  },
});

export const oauthError = (error: string, status = 400): Reply => ({
  status,
  body: { error, error_description: `${error} happened`, status },
});
