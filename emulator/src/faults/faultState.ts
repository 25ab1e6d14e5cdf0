/**
 * Fault injection knobs (enabled only with `faults: true` / `--faults`). Tests arm them either
 * through `RunningEmulator.faults` or `POST /__emulator/faults` on loopback.
 */
import { z } from 'zod';

export const faultSettingsSchema = z
  .object({
    failNext: z
      .object({
        count: z.number().int().min(1),
        status: z.union([z.literal(429), z.literal(500), z.literal(503)]),
        retryAfterSeconds: z.number().int().min(0).optional(),
        pathPrefix: z.string().optional(),
      })
      .optional(),
    cutStreams: z
      .object({
        count: z.number().int().min(1),
        afterBytes: z.number().int().min(0).optional(),
        afterBatches: z.number().int().min(0).optional(),
      })
      .optional(),
    cutUploads: z.object({ count: z.number().int().min(1), afterBytes: z.number().int().min(0) }).optional(),
    /** The next `count` raw-file bodies (`GET /rawFiles/{id}`) are cut after `afterBytes` bytes. */
    cutRawFiles: z.object({ count: z.number().int().min(1), afterBytes: z.number().int().min(0) }).optional(),
    /** The next `count` raw-file bodies have one byte changed (headers, md5 digest included, unchanged). */
    corruptRawFiles: z.object({ count: z.number().int().min(1) }).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    slowQueries: z
      .object({ count: z.number().int().min(1), delayMs: z.number().int().min(0).max(600_000) })
      .optional(),
    failQueries: z
      .object({ count: z.number().int().min(1), message: z.string().min(1).optional() })
      .optional(),
    expireTokens: z.boolean().optional(),
    /**
     * The next `count` JSON answers whose decoded path starts with `pathPrefix` (and, when given,
     * whose method is `method`) are sent in a wrong shape: each `set` field (a dotted path such as
     * `numRows` or `results.0.name`) takes the given value, each `remove` field is deleted. For
     * proving that a client names the resource and the field instead of failing somewhere later.
     */
    malformedResponses: z
      .object({
        pathPrefix: z.string().startsWith('/'),
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
        count: z.number().int().min(1).default(1),
        set: z.record(z.string().min(1), z.unknown()).optional(),
        remove: z.array(z.string().min(1)).optional(),
      })
      .optional(),
    /**
     * While true, a read stream asked to resume (offset > 0) waits before sending anything:
     * tests hold a broken stream "reconnecting" for exactly as long as they need, then let go.
     */
    holdResumedStreams: z.boolean().optional(),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;
export type FailNextFault = NonNullable<FaultSettings['failNext']>;
export type CutStreamsFault = NonNullable<FaultSettings['cutStreams']>;
export type CutUploadsFault = NonNullable<FaultSettings['cutUploads']>;
export type CutRawFilesFault = NonNullable<FaultSettings['cutRawFiles']>;
export type CorruptRawFilesFault = NonNullable<FaultSettings['corruptRawFiles']>;
export type SlowQueriesFault = NonNullable<FaultSettings['slowQueries']>;
export type FailQueriesFault = NonNullable<FaultSettings['failQueries']>;
export type MalformedResponsesFault = z.input<typeof faultSettingsSchema>['malformedResponses'] & object;

export const INJECTED_QUERY_FAILURE = 'Injected query failure';

/** The programmatic fault API exposed on `RunningEmulator.faults`. */
export interface FaultControl {
  readonly enabled: boolean;
  /** Applies several knobs at once (same shape as the HTTP body). */
  set(settings: FaultSettings): Promise<void>;
  failNext(fault: FailNextFault): void;
  cutStreams(fault: CutStreamsFault): void;
  cutUploads(fault: CutUploadsFault): void;
  /** Cuts the next `count` raw-file bodies after `afterBytes` bytes. */
  cutRawFiles(fault: CutRawFilesFault): void;
  /** Changes one byte of each of the next `count` raw-file bodies. */
  corruptRawFiles(fault: CorruptRawFilesFault): void;
  latency(ms: number): void;
  /** The next `count` queries stay `running` `delayMs` longer before they run. */
  slowQueries(fault: SlowQueriesFault): void;
  /** Holds (true) or lets go of (false) every resumed read stream; see the schema. */
  holdResumedStreams(on: boolean): void;
  /**
   * The offsets of the resumed streams being held now, oldest first: the rows each reader had
   * when it asked to resume, so a test knows exactly what the client holds while it waits.
   */
  heldResumeOffsets(): number[];
  /** The next `count` queries end `failed` with `message`. */
  failQueries(fault: FailQueriesFault): void;
  /** The next matching JSON answers get fields replaced or removed; see the schema. */
  malformedResponses(fault: MalformedResponsesFault): void;
  /** Every access token issued so far expires now. */
  expireTokens(): Promise<void>;
  /** Disarms everything. */
  clear(): void;
}

export class FaultState implements FaultControl {
  private failNextFault: FailNextFault | null = null;
  private cutStreamsFault: CutStreamsFault | null = null;
  private cutUploadsFault: CutUploadsFault | null = null;
  private cutRawFilesFault: CutRawFilesFault | null = null;
  private corruptRawFilesFault: CorruptRawFilesFault | null = null;
  private slowQueriesFault: SlowQueriesFault | null = null;
  private failQueriesFault: FailQueriesFault | null = null;
  private malformedFault: (MalformedResponsesFault & { count: number }) | null = null;
  latencyMs = 0;
  private heldResumes: { promise: Promise<void>; release: () => void } | null = null;
  private readonly heldOffsets: number[] = [];

  constructor(
    readonly enabled: boolean,
    private readonly onExpireTokens: () => Promise<void>,
  ) {}

  private ensureEnabled(): void {
    if (!this.enabled) throw new Error('Fault injection is off; start the emulator with faults');
  }

  async set(settings: FaultSettings): Promise<void> {
    this.ensureEnabled();
    if (settings.failNext) this.failNext(settings.failNext);
    if (settings.cutStreams) this.cutStreams(settings.cutStreams);
    if (settings.cutUploads) this.cutUploads(settings.cutUploads);
    if (settings.cutRawFiles) this.cutRawFiles(settings.cutRawFiles);
    if (settings.corruptRawFiles) this.corruptRawFiles(settings.corruptRawFiles);
    if (settings.latencyMs !== undefined) this.latency(settings.latencyMs);
    if (settings.slowQueries) this.slowQueries(settings.slowQueries);
    if (settings.failQueries) this.failQueries(settings.failQueries);
    if (settings.holdResumedStreams !== undefined) this.holdResumedStreams(settings.holdResumedStreams);
    if (settings.malformedResponses) this.malformedResponses(settings.malformedResponses);
    if (settings.expireTokens) await this.expireTokens();
  }

  holdResumedStreams(on: boolean): void {
    this.ensureEnabled();
    if (on && !this.heldResumes) {
      let release: () => void = () => undefined;
      const promise = new Promise<void>((resolve) => (release = resolve));
      this.heldResumes = { promise, release };
    } else if (!on && this.heldResumes) {
      this.heldResumes.release();
      this.heldResumes = null;
    }
  }

  /** Resolves at once, or when resumed streams are let go; `offset` is where the stream resumes. */
  async resumeGate(offset: number): Promise<void> {
    if (!this.heldResumes) return;
    this.heldOffsets.push(offset);
    try {
      await this.heldResumes.promise;
    } finally {
      this.heldOffsets.splice(this.heldOffsets.indexOf(offset), 1);
    }
  }

  heldResumeOffsets(): number[] {
    return [...this.heldOffsets];
  }

  failNext(fault: FailNextFault): void {
    this.ensureEnabled();
    this.failNextFault = { ...fault };
  }

  cutStreams(fault: CutStreamsFault): void {
    this.ensureEnabled();
    this.cutStreamsFault = { ...fault };
  }

  cutUploads(fault: CutUploadsFault): void {
    this.ensureEnabled();
    this.cutUploadsFault = { ...fault };
  }

  cutRawFiles(fault: CutRawFilesFault): void {
    this.ensureEnabled();
    this.cutRawFilesFault = { ...fault };
  }

  corruptRawFiles(fault: CorruptRawFilesFault): void {
    this.ensureEnabled();
    this.corruptRawFilesFault = { ...fault };
  }

  latency(ms: number): void {
    this.ensureEnabled();
    this.latencyMs = ms;
  }

  slowQueries(fault: SlowQueriesFault): void {
    this.ensureEnabled();
    this.slowQueriesFault = { ...fault };
  }

  failQueries(fault: FailQueriesFault): void {
    this.ensureEnabled();
    this.failQueriesFault = { ...fault };
  }

  malformedResponses(fault: MalformedResponsesFault): void {
    this.ensureEnabled();
    this.malformedFault = { ...fault, count: fault.count ?? 1 };
  }

  async expireTokens(): Promise<void> {
    this.ensureEnabled();
    await this.onExpireTokens();
  }

  clear(): void {
    this.failNextFault = null;
    this.cutStreamsFault = null;
    this.cutUploadsFault = null;
    this.cutRawFilesFault = null;
    this.corruptRawFilesFault = null;
    this.slowQueriesFault = null;
    this.failQueriesFault = null;
    this.malformedFault = null;
    this.latencyMs = 0;
    this.heldResumes?.release();
    this.heldResumes = null;
  }

  /** Consumes one armed `failNext` matching the API path, if any. */
  takeFailure(path: string): FailNextFault | null {
    const fault = this.failNextFault;
    if (!this.enabled || !fault) return null;
    if (fault.pathPrefix && !path.startsWith(fault.pathPrefix)) return null;
    fault.count -= 1;
    if (fault.count <= 0) this.failNextFault = null;
    return fault;
  }

  /** Consumes one armed `cutStreams`; returns where to cut the read-stream body. */
  takeStreamCut(): { afterBytes?: number; afterBatches?: number } | null {
    const fault = this.cutStreamsFault;
    if (!this.enabled || !fault) return null;
    fault.count -= 1;
    if (fault.count <= 0) this.cutStreamsFault = null;
    const cut: { afterBytes?: number; afterBatches?: number } = {};
    if (fault.afterBytes !== undefined) cut.afterBytes = fault.afterBytes;
    if (fault.afterBatches !== undefined) cut.afterBatches = fault.afterBatches;
    if (cut.afterBytes === undefined && cut.afterBatches === undefined) cut.afterBatches = 1;
    return cut;
  }

  /** Consumes one armed `cutUploads`; upload handlers destroy the socket after `afterBytes`. */
  takeUploadCut(): { afterBytes: number } | null {
    const fault = this.cutUploadsFault;
    if (!this.enabled || !fault) return null;
    fault.count -= 1;
    if (fault.count <= 0) this.cutUploadsFault = null;
    return { afterBytes: fault.afterBytes };
  }

  /** Consumes one armed `cutRawFiles`: where to cut a raw-file body. */
  takeRawFileCut(): { afterBytes: number } | null {
    const fault = this.cutRawFilesFault;
    if (!this.enabled || !fault) return null;
    fault.count -= 1;
    if (fault.count <= 0) this.cutRawFilesFault = null;
    return { afterBytes: fault.afterBytes };
  }

  /** Consumes one armed `corruptRawFiles`: whether to change a byte of a raw-file body. */
  takeRawFileCorruption(): boolean {
    const fault = this.corruptRawFilesFault;
    if (!this.enabled || !fault) return false;
    fault.count -= 1;
    if (fault.count <= 0) this.corruptRawFilesFault = null;
    return true;
  }

  /** Consumes one armed `slowQueries`: how long the query should wait before it runs. */
  takeQueryDelay(): number {
    const fault = this.slowQueriesFault;
    if (!this.enabled || !fault) return 0;
    fault.count -= 1;
    if (fault.count <= 0) this.slowQueriesFault = null;
    return fault.delayMs;
  }

  /** Consumes one armed `failQueries`: the message the query should fail with. */
  takeQueryFailure(): string | null {
    const fault = this.failQueriesFault;
    if (!this.enabled || !fault) return null;
    fault.count -= 1;
    if (fault.count <= 0) this.failQueriesFault = null;
    return fault.message ?? INJECTED_QUERY_FAILURE;
  }

  /** Consumes one armed `malformedResponses` matching the request; returns the body to send instead. */
  malform(method: string, path: string, body: unknown): unknown {
    const fault = this.malformedFault;
    if (!this.enabled || !fault || !path.startsWith(fault.pathPrefix)) return body;
    if (fault.method && fault.method !== method) return body;
    fault.count -= 1;
    if (fault.count <= 0) this.malformedFault = null;
    const changed = structuredClone(body);
    for (const [field, value] of Object.entries(fault.set ?? {})) setField(changed, field, value);
    for (const field of fault.remove ?? []) setField(changed, field, undefined, true);
    return changed;
  }
}

/** Sets (or deletes) `a.b.0.c` inside a JSON value; missing parents are created as objects. */
function setField(target: unknown, dotted: string, value: unknown, remove = false): void {
  const keys = dotted.split('.');
  let node = target as Record<string, unknown> | null;
  for (const key of keys.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    if (node[key] === undefined || node[key] === null) {
      if (remove) return;
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1) ?? '';
  if (node === null || typeof node !== 'object') return;
  if (remove) delete node[last];
  else node[last] = value;
}
