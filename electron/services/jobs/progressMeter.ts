/**
 * Rates over a sliding window of a few seconds, for "rate" and "time left". Bytes give the
 * rate shown; the estimate uses bytes when their total is known, else rows. Both stay unknown
 * until the window has seen a second (rate) or two (time left) of work, and while nothing has
 * moved for a while: early and stalled figures ("8 B/s", "1 min 20 s left" a moment after
 * "2 s left") mislead more than a blank.
 */
const RATE_AFTER_MS = 1000;
const ESTIMATE_AFTER_MS = 2000;
/** No bytes or rows for this long (retries, a slow server): no rate, no estimate. */
const STALLED_AFTER_MS = 1500;

export class ProgressMeter {
  private samples: { at: number; bytes: number; rows: number }[] = [];
  private lastMoved = 0;

  constructor(private readonly windowMs = 3000) {}

  sample(bytes: number, now = Date.now(), rows = 0): number | undefined {
    const previous = this.samples.at(-1);
    if (!previous || previous.bytes !== bytes || previous.rows !== rows) this.lastMoved = now;
    this.samples.push({ at: now, bytes, rows });
    while (this.samples.length > 2 && now - (this.samples[0]?.at ?? now) > this.windowMs)
      this.samples.shift();
    const first = this.samples[0];
    if (!first || now - first.at < RATE_AFTER_MS || this.stalled(now)) return undefined;
    const rate = ((bytes - first.bytes) * 1000) / (now - first.at);
    return rate > 0 ? rate : undefined;
  }

  private stalled(now: number): boolean {
    return now - this.lastMoved >= STALLED_AFTER_MS;
  }

  /** Seconds left at the recent pace, or undefined while there is no pace or no total yet. */
  secondsLeft(progress: {
    bytesDone: number;
    bytesTotal?: number;
    rowsDone: number;
    rowsTotal?: number;
  }): number | undefined {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at - first.at < ESTIMATE_AFTER_MS || this.stalled(last.at)) return undefined;
    const seconds = (last.at - first.at) / 1000;
    const useBytes = progress.bytesTotal !== undefined && progress.bytesTotal > 0;
    const done = useBytes ? progress.bytesDone : progress.rowsDone;
    const total = useBytes ? progress.bytesTotal : progress.rowsTotal;
    const pace = ((useBytes ? last.bytes - first.bytes : last.rows - first.rows) || 0) / seconds;
    if (total === undefined || pace <= 0) return undefined;
    return Math.max(0, (total - done) / pace);
  }
}
