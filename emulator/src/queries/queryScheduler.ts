/**
 * Redivis runs at most 5 queries per user at a time; further ones wait, `queued`, in order.
 */
export const MAX_RUNNING_PER_USER = 5;

export class QueryScheduler {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  /**
   * Takes a slot for `user`: `started` is true when one was free at once; otherwise `admitted`
   * resolves when an earlier query of the user finishes.
   */
  admit(user: string): { started: boolean; admitted: Promise<void> } {
    const count = this.running.get(user) ?? 0;
    if (count < MAX_RUNNING_PER_USER) {
      this.running.set(user, count + 1);
      return { started: true, admitted: Promise.resolve() };
    }
    const admitted = new Promise<void>((resolve) => {
      const queue = this.waiting.get(user) ?? [];
      queue.push(resolve);
      this.waiting.set(user, queue);
    });
    return { started: false, admitted };
  }

  /** Frees the slot, handing it straight to the user's next waiting query. */
  release(user: string): void {
    const next = this.waiting.get(user)?.shift();
    if (next) {
      next();
      return;
    }
    this.running.set(user, Math.max(0, (this.running.get(user) ?? 1) - 1));
  }
}
