/**
 * Per-caller fixed-window rate limit (~1000 requests per 60 s, spec §1.7). The key is the user
 * name for authenticated callers and the remote address for anonymous ones (and for requests
 * whose token is rejected).
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the window ends, in ms since the epoch (`X-RateLimit-Reset`, and `Retry-After` on 429). */
  resetAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  hit(key: string, now: number): RateDecision {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const allowed = window.count <= this.limit;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetAt: window.start + this.windowMs,
    };
  }
}
