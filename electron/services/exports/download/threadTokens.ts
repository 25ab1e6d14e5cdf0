import type { MessagePort } from 'node:worker_threads';
import type { TokenSource } from '../../redivis/apiClient';
import { fromThreadError, type FromDownload, type ToDownload } from './downloadMessages';

type TokenAnswer = Extract<ToDownload, { type: 'token' }>;

/**
 * A download thread's token source: the session lives on the main thread (it refreshes and
 * stores tokens), so each request for a token is a message there and back. A token is never
 * kept here, so a refresh on the main thread is what the next request uses.
 */
export class ThreadTokens implements TokenSource {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: TokenAnswer) => void>();

  constructor(private readonly port: MessagePort) {}

  async accessToken(): Promise<string | undefined> {
    const value = await this.ask(false);
    return typeof value === 'string' ? value : undefined;
  }

  async refreshAfterUnauthorized(): Promise<boolean> {
    return (await this.ask(true)) === true;
  }

  /** Takes the main thread's answer to one of this source's requests. */
  answer(message: TokenAnswer): void {
    const resolve = this.waiting.get(message.id);
    this.waiting.delete(message.id);
    resolve?.(message);
  }

  private async ask(refresh: boolean): Promise<string | boolean | undefined> {
    const id = this.nextId++;
    const answer = await new Promise<TokenAnswer>((resolve) => {
      this.waiting.set(id, resolve);
      this.port.postMessage({ type: 'token', id, refresh } satisfies FromDownload);
    });
    if (answer.error) throw fromThreadError(answer.error);
    return answer.value;
  }
}
