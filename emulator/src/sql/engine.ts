/**
 * The embedded SQL engine (DuckDB), one instance per data directory. DuckDB runs statements on
 * libuv's worker threads; at most MAX_ACTIVE statements run at once so the worker pool stays
 * free for the file reads that serve read streams. File access is limited to the directories
 * holding table Parquet files and query results, so SQL cannot read anything else on disk.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SEGMENTS_DIR } from '../store/segmentFiles.js';
import { stringLiteral } from './sqlText.js';

const MAX_ACTIVE = 2;

/** A statement refused or interrupted because the demo server is closing: expected, not logged. */
export class SqlEngineClosing extends Error {
  constructor() {
    super('The SQL engine is shutting down.');
    this.name = 'SqlEngineClosing';
  }
}

export class SqlEngine {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly running = new Set<DuckDBConnection>();
  private closing?: { done: Promise<void>; resolve: () => void };

  private constructor(private readonly instance: DuckDBInstance) {}

  static async open(dataDir: string): Promise<SqlEngine> {
    const temp = join(dataDir, 'duckdb-tmp');
    await mkdir(temp, { recursive: true });
    await mkdir(join(dataDir, SEGMENTS_DIR), { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: '2',
      memory_limit: '1GB',
      temp_directory: temp,
      // BigQuery sorts NULLs first ascending and last descending.
      default_null_order: 'nulls_first_on_asc_last_on_desc',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const setup = await instance.connect();
    try {
      const allowed = [join(dataDir, SEGMENTS_DIR), temp].map((d) => stringLiteral(`${d}/`));
      // BigQuery computes in UTC; ICU (loaded by then) owns the setting, hence after create.
      await setup.run("SET GLOBAL TimeZone = 'UTC'");
      await setup.run(`SET allowed_directories = [${allowed.join(', ')}]`);
      await setup.run('SET enable_external_access = false');
      await setup.run('SET lock_configuration = true');
    } finally {
      setup.closeSync();
    }
    return new SqlEngine(instance);
  }

  /** Runs `work` on a fresh connection (temp views die with it) once a slot is free. */
  async withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.acquire();
    if (this.closing) {
      this.release();
      throw new SqlEngineClosing();
    }
    const connection = await this.instance.connect().catch((error: unknown) => {
      this.release();
      throw error;
    });
    this.running.add(connection);
    try {
      return await work(connection);
    } catch (error) {
      // Whatever failed under a closing engine failed because close() interrupted it.
      throw this.closing ? new SqlEngineClosing() : error;
    } finally {
      this.running.delete(connection);
      connection.closeSync();
      this.release();
    }
  }

  /**
   * Interrupts running statements and waits for them to end before closing the instance:
   * closing DuckDB under a statement still executing on its threads crashes the process.
   */
  async close(): Promise<void> {
    if (!this.closing) {
      let resolve = () => {};
      const done = new Promise<void>((r) => (resolve = r));
      this.closing = { done, resolve };
      if (this.active === 0) resolve();
      // An interrupt that lands before a statement reaches DuckDB's threads is lost, so it is
      // repeated until every statement has ended.
      const interruptAll = () => this.running.forEach((connection) => connection.interrupt());
      interruptAll();
      const repeat = setInterval(interruptAll, 25);
      void done.then(() => clearInterval(repeat));
    }
    await this.closing.done;
    this.instance.closeSync();
  }

  private async acquire(): Promise<void> {
    if (this.active < MAX_ACTIVE) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
    if (this.active === 0) this.closing?.resolve();
  }
}

const engines = new Map<string, Promise<SqlEngine>>();
/** Data directories whose server is closing: no engine is opened for them again until it restarts. */
const closed = new Set<string>();

/** Lets a data directory open an engine again (a server starting on it). */
export function allowEngine(dataDir: string): void {
  closed.delete(dataDir);
}

export function engineFor(dataDir: string): Promise<SqlEngine> {
  if (closed.has(dataDir)) return Promise.reject(new SqlEngineClosing());
  let engine = engines.get(dataDir);
  if (!engine) {
    engine = SqlEngine.open(dataDir);
    engine.catch(() => engines.delete(dataDir));
    engines.set(dataDir, engine);
  }
  return engine;
}

/** Closes the data directory's engine, if one was opened (on emulator shutdown). */
export async function closeEngine(dataDir: string): Promise<void> {
  closed.add(dataDir);
  const engine = engines.get(dataDir);
  if (!engine) return;
  engines.delete(dataDir);
  await (await engine.catch(() => null))?.close();
}
