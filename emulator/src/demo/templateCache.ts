/**
 * Fresh data dirs are seeded from a generated template kept in the OS temp dir, so starting
 * many emulators (tests) does not regenerate a million rows each time. Templates are built in
 * a private temp dir and published with one rename, so concurrent processes never see a
 * half-built template. Segment and blob files are immutable, so seeding hard-links them.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, STATE_FILE } from '../store/store.js';
import { generateDemoState } from './demoCatalog.js';

/** Bump when the demo catalog changes so stale templates are not reused. */
export const TEMPLATE_VERSION = 5;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.name !== STATE_FILE) {
      await link(source, target).catch(() => copyFile(source, target));
    }
  }
}

async function buildTemplate(largeRows: number): Promise<string> {
  const root = join(tmpdir(), 'redivis-emulator-templates');
  const dir = join(root, `v${TEMPLATE_VERSION}-rows${largeRows}`);
  if (await exists(join(dir, STATE_FILE))) return dir;
  const building = join(root, `.building-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(building, { recursive: true });
  try {
    const state = await generateDemoState(building, largeRows);
    await Store.create(building, state);
    await rename(building, dir).catch(async () => {
      // Another process published the same template first; use theirs.
      await rm(building, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/** Opens the store in `dataDir`, seeding it with the demo catalog if it holds none. */
export async function openOrSeedStore(dataDir: string, largeRows: number): Promise<Store> {
  const existing = await Store.open(dataDir);
  if (existing) return existing;
  const template = await buildTemplate(largeRows);
  const templateStore = await Store.open(template);
  if (!templateStore) throw new Error(`Demo template ${template} is incomplete`);
  await linkTree(template, dataDir);
  const state = structuredClone(templateStore.state);
  // Each store gets its own signing secret so tokens never cross emulators.
  state.secret = randomBytes(32).toString('hex');
  return Store.create(dataDir, state);
}
