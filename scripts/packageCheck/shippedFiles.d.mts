import type { ModuleGraph, Problem } from './moduleGraph.mjs';
import type { PackageView } from './packageView.mjs';

export const unwantedFiles: { what: string; pattern: RegExp }[];
export function packageFolders(view: PackageView): string[];
/** Unwanted, unused and missing files of a package; `allow` lists files meant to be shipped. */
export function checkShippedFiles(
  view: PackageView,
  graph: Pick<ModuleGraph, 'loadedFiles'>,
  options?: { allow?: RegExp[] },
): Problem[];
export function packageSizes(view: PackageView): {
  total: number;
  unpacked: number;
  files: number;
  parts: [string, number][];
};
export function megabytes(bytes: number): string;
