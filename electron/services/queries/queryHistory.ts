import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { queryHistoryEntrySchema, type QueryHistoryEntry } from '../../../shared/contract/queryModel';

const KEEP = 1_000;
const fileSchema = z.object({ entries: z.array(queryHistoryEntrySchema) });

/**
 * Every run, kept on this machine (text, start, duration, rows, status, query id), newest
 * first. One JSON file, replaced atomically; a damaged file starts an empty history instead of
 * failing the workbench.
 */
export class QueryHistory {
  private entries: QueryHistoryEntry[] | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  static in(dataDir: string): QueryHistory {
    return new QueryHistory(join(dataDir, 'query-history.json'));
  }

  async list(search?: string, limit = 200): Promise<QueryHistoryEntry[]> {
    const needle = search?.trim().toLowerCase();
    const all = await this.load();
    return (needle ? all.filter((entry) => entry.sql.toLowerCase().includes(needle)) : all).slice(0, limit);
  }

  /** Adds a run or updates it (same runId) as it progresses. */
  async record(entry: QueryHistoryEntry): Promise<void> {
    const all = await this.load();
    const at = all.findIndex((e) => e.runId === entry.runId);
    if (at >= 0) all[at] = entry;
    else all.unshift(entry);
    this.entries = all.slice(0, KEEP);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.entries = [];
    await this.persist();
  }

  private async load(): Promise<QueryHistoryEntry[]> {
    if (this.entries) return this.entries;
    const text = await readFile(this.file, 'utf8').catch(() => undefined);
    let parsed: QueryHistoryEntry[] = [];
    if (text) {
      try {
        parsed = fileSchema.parse(JSON.parse(text)).entries;
      } catch {
        parsed = [];
      }
    }
    this.entries ??= parsed;
    return this.entries;
  }

  private persist(): Promise<void> {
    const snapshot = JSON.stringify({ entries: this.entries ?? [] });
    // Writes go one after another so an older snapshot never lands after a newer one.
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, snapshot);
      await rename(temporary, this.file);
    });
    return this.writing;
  }
}
