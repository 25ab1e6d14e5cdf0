import type { Entry, Problem } from './packageCheck/moduleGraph.mjs';

/** Where the app's code starts: the main process (package.json main), the preload, the page. */
export function appEntries(packagedPackageJson: { main?: string }): Entry[];
/** One line per problem, but a package's many files with the same problem on a few lines. */
export function summarize(problems: Problem[], shown?: number): string[];
