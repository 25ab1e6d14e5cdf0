/**
 * Rates over a sliding window of a few seconds, for "rate" and "time left". Bytes give the
 * rate shown; the estimate uses bytes when their total is known, else rows.
 */
export class ProgressMeter {
  private samples: { at: number; bytes: number; rows: number }[] = [];

  constructor(private readonly windowMs = 3000) {}

  sample(bytes: number, now = Date.now(), rows = 0): number | undefined {
    this.samples.push({ at: now, bytes, rows });
    while (this.samples.length > 2 && now - (this.samples[0]?.at ?? now) > this.windowMs)
      this.samples.shift();
    const first = this.samples[0];
    if (!first || now - first.at < 200) return undefined;
    return ((bytes - first.bytes) * 1000) / (now - first.at);
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
    if (!first || !last || last.at - first.at < 500) return undefined;
    const seconds = (last.at - first.at) / 1000;
    const useBytes = progress.bytesTotal !== undefined && progress.bytesTotal > 0;
    const done = useBytes ? progress.bytesDone : progress.rowsDone;
    const total = useBytes ? progress.bytesTotal : progress.rowsTotal;
    const pace = ((useBytes ? last.bytes - first.bytes : last.rows - first.rows) || 0) / seconds;
    if (total === undefined || pace <= 0) return undefined;
    return Math.max(0, (total - done) / pace);
  }
}
