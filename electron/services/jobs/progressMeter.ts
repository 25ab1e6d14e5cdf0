/** Bytes per second over a sliding window of a few seconds, for "rate" and "time left". */
export class ProgressMeter {
  private samples: { at: number; bytes: number }[] = [];

  constructor(private readonly windowMs = 3000) {}

  sample(bytes: number, now = Date.now()): number | undefined {
    this.samples.push({ at: now, bytes });
    while (this.samples.length > 2 && now - (this.samples[0]?.at ?? now) > this.windowMs)
      this.samples.shift();
    const first = this.samples[0];
    if (!first || now - first.at < 200) return undefined;
    return ((bytes - first.bytes) * 1000) / (now - first.at);
  }
}
