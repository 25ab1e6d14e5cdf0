import type { PackageView } from './packageView.mjs';

/** node: main process or worker thread; preload: a sandboxed preload; browser: the page. */
export type EntryKind = 'node' | 'preload' | 'browser';
export interface Entry {
  path: string;
  kind: EntryKind;
}
export interface Problem {
  file: string;
  message: string;
}
export interface Loads {
  imports: { specifier: string; how: 'import' | 'import()' | 'require' | 'require.resolve' }[];
  files: string[];
  workers: number;
}
export interface ModuleGraph {
  problems: Problem[];
  reached: Map<string, EntryKind>;
  loadedFiles: Set<string>;
  workers: number;
}
export function parseSource(code: string, isModule: boolean): unknown;
export function collectLoads(ast: unknown): Loads;
/** Node's package.json "exports" resolution of one subpath; null when it is not exported. */
export function resolveExports(exportsField: unknown, subpath: string, conditions: string[]): string | null;
/** Follows every require/import from the entries through the package; lists what does not resolve. */
export function checkModuleGraph(view: PackageView, entries: Entry[]): ModuleGraph;
