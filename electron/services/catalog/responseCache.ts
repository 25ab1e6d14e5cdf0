/**
 * A short-lived cache of catalog answers so back/forward and re-opening a page are instant
 * (design section 3). Only answers about a released version pinned in the reference
 * (`:v1_0`) are kept: those cannot change, while the current and next versions, and user
 * and organization lists, change when other features upload, release or create things.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { value: unknown; expires: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  static cacheable(path: string): boolean {
    const decoded = decodeURIComponent(path);
    return /^\/(datasets|tables)\//.test(decoded) && /:v\d+[._]\d+(?=[.:/]|$)/i.test(decoded);
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value as T;
    const value = await load();
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
