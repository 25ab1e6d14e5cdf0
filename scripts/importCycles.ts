/**
 * Finds import circles among the repository's TypeScript files with the TypeScript compiler's
 * own module resolution. Type-only imports count: a circle of types still ties two modules
 * together, and one later value import turns it into a load-order bug. Run
 * `npx tsx scripts/importCycles.ts` to print them; `importCycles.test.ts` asserts there are none.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const sourceFolders = ['electron', 'shared', 'renderer', 'emulator', 'e2e', 'bench', 'scripts'];
const skipped = new Set(['node_modules', 'out', 'dist', 'release', 'eslint-fixtures']);

function sourceFiles(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skipped.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
    }
  };
  walk(join(root, folder));
  return found;
}

/** Each file's imports (static, type-only, re-exports and dynamic) that resolve to repository files. */
export function importGraph(root: string, folders: string[] = sourceFolders): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    jsx: ts.JsxEmit.ReactJSX,
  };
  const files = folders.flatMap((folder) => {
    try {
      return sourceFiles(root, folder);
    } catch {
      return [];
    }
  });
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      // electron-vite's `?modulePath` and similar suffixes are not part of the path.
      const specifier = fileName.replace(/\?.*$/, '');
      if (!specifier.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.endsWith('.d.ts')) {
        targets.add(relative(root, resolved.resolvedFileName));
      }
    }
    graph.set(relative(root, file), [...targets].sort());
  }
  return graph;
}

/** Strongly connected groups of more than one file (or a file importing itself), by Tarjan's algorithm. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] && /importCycles\.ts$/.test(process.argv[1])) {
  const cycles = findCycles(importGraph(process.cwd()));
  for (const cycle of cycles) console.log(`circle: ${cycle.join(' ↔ ')}`);
  console.log(cycles.length === 0 ? 'No import circles.' : `${cycles.length} import circle(s).`);
  process.exitCode = cycles.length === 0 ? 0 : 1;
}
