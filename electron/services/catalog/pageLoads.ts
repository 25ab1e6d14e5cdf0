import { AppFailure, appError } from '../../../shared/contract/errors';

/**
 * Tracks the requests of each page view by (window, loadId). When the user navigates away
 * the renderer cancels its loadId and every request of that view still on the wire is
 * aborted. A cancelled id stays remembered briefly so a request racing the cancel is refused
 * instead of starting fresh network work.
 */
export class PageLoads {
  private readonly active = new Map<string, AbortController>();
  private readonly cancelled = new Set<string>();

  constructor(private readonly rememberCancelled = 500) {}

  /** The signal for one request; undefined when the request belongs to no page view. */
  signalFor(clientId: string, loadId: string | undefined): AbortSignal | undefined {
    if (!loadId) return undefined;
    const key = `${clientId}\u0000${loadId}`;
    if (this.cancelled.has(key)) throw new AppFailure(appError('cancelled', 'Cancelled.'));
    let controller = this.active.get(key);
    if (!controller) {
      controller = new AbortController();
      this.active.set(key, controller);
      // Views that were never cancelled (a closed window) must not pile up forever.
      if (this.active.size > 1000) {
        const oldest = this.active.keys().next().value;
        if (oldest !== undefined) this.active.delete(oldest);
      }
    }
    return controller.signal;
  }

  cancel(clientId: string, loadId: string): void {
    const key = `${clientId}\u0000${loadId}`;
    this.active.get(key)?.abort(new AppFailure(appError('cancelled', 'Cancelled.')));
    this.active.delete(key);
    this.cancelled.add(key);
    if (this.cancelled.size > this.rememberCancelled) {
      const oldest = this.cancelled.values().next().value;
      if (oldest !== undefined) this.cancelled.delete(oldest);
    }
  }

  /** Number of page views with requests that may still be running (for tests). */
  get size(): number {
    return this.active.size;
  }
}

/** Runs a request; if its page view was cancelled, reports `cancelled` whatever else was thrown. */
export async function unlessCancelled<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (signal?.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
    throw error;
  }
}
