/**
 * The first failure among a writer's threads, and the callers waiting on them (for room, for the
 * last part, for a reply). Whatever fails first wakes every waiter, which then throws it: no
 * caller hangs on a thread that is gone, and later failures do not replace the first.
 */
export class FailureGate {
  private first: Error | undefined;
  private waiters: (() => void)[] = [];
  private readonly listeners: ((error: Error) => void)[] = [];

  get failure(): Error | undefined {
    return this.first;
  }

  fail(error: Error): void {
    if (!this.first) {
      this.first = error;
      for (const listener of this.listeners.splice(0)) listener(error);
    }
    this.wake();
  }

  /** Lets every waiter check its condition again. */
  wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves once `ready()` holds; throws the first failure if there is one first. */
  async waitUntil(ready: () => boolean): Promise<void> {
    while (!ready() && !this.first) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.throwIfFailed();
  }

  throwIfFailed(): void {
    if (this.first) throw this.first;
  }

  /** Calls `listener` with the first failure, now if there is one already. */
  onFailure(listener: (error: Error) => void): void {
    if (this.first) listener(this.first);
    else this.listeners.push(listener);
  }
}
