import type { ColumnProfile } from '../../../shared/contract/previewModel';
import { client } from '../../ui/client';

/** How often a profile Redivis is still computing is asked for again. */
const POLL_MS = 1_000;
const MAX_IN_FLIGHT = 3;

/**
 * Fetches column profiles of one table as columns come into view, a few at a time, asking
 * again while Redivis reports them as computing. Outside React: the hook only subscribes.
 */
export class ProfileLoader {
  readonly profiles = new Map<string, ColumnProfile>();
  private readonly pending = new Set<string>();
  private queue: string[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private disposed = true;

  constructor(
    private readonly tableRef: string,
    private readonly onChange: () => void,
  ) {}

  /** Columns now on screen go to the front of the queue. */
  want(names: readonly string[]): void {
    const missing = names.filter((name) => {
      const status = this.profiles.get(name)?.status;
      return (status === undefined || status === 'computing') && !this.pending.has(name);
    });
    if (missing.length === 0) return;
    this.queue = [...missing, ...this.queue.filter((name) => !missing.includes(name))];
    this.pump();
  }

  /** Starts delivering; the returned function stops (and may be followed by another attach). */
  attach(): () => void {
    this.disposed = false;
    this.pump();
    return () => {
      this.disposed = true;
      this.timers.forEach(clearTimeout);
      this.timers.clear();
      this.queue = [];
    };
  }

  private pump(): void {
    while (!this.disposed && this.pending.size < MAX_IN_FLIGHT && this.queue.length > 0) {
      const column = this.queue.shift();
      if (column === undefined || this.pending.has(column)) continue;
      const have = this.profiles.get(column);
      if (have && have.status !== 'computing') continue;
      this.pending.add(column);
      void client()
        .preview.profile({ tableRef: this.tableRef, column })
        .catch((): ColumnProfile => ({
          column,
          type: '',
          status: 'failed',
          message: 'The profile could not be loaded.',
        }))
        .then((profile) => this.settle(column, profile));
    }
  }

  private settle(column: string, profile: ColumnProfile): void {
    this.pending.delete(column);
    if (this.disposed) return;
    this.profiles.set(column, profile);
    this.onChange();
    if (profile.status === 'computing') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.queue.push(column);
        this.pump();
      }, POLL_MS);
      this.timers.add(timer);
    }
    this.pump();
  }
}
