import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fail } from '../../shared/contract/errors';

/** Opens a file, or shows it in its folder, with the system's own handler. */
export type SystemOpener = (path: string, reveal: boolean) => Promise<void>;

function command(path: string, reveal: boolean): [string, string[]] {
  switch (process.platform) {
    case 'darwin':
      return ['open', reveal ? ['-R', path] : [path]];
    case 'win32':
      return ['explorer.exe', reveal ? [`/select,${path}`] : [path]];
    default:
      // xdg-open has no "reveal": open the folder that holds the file.
      return ['xdg-open', [reveal ? dirname(path) : path]];
  }
}

/**
 * Browser mode runs on the user's own machine, so the Node side can hand a finished file to
 * the desktop just as Electron's shell does. Paths come from finished jobs, never from the page.
 */
export const systemOpener: SystemOpener = (path, reveal) =>
  new Promise<void>((resolve, reject) => {
    const [program, args] = command(path, reveal);
    const child = spawn(program, args, { detached: true, stdio: 'ignore' });
    child.once('error', () => reject(new Error(`${program} is not available`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  }).catch((error: unknown) =>
    fail('unavailable', 'This computer has no program set up to open files from here.', {
      detail: error instanceof Error ? error.message : String(error),
    }),
  );
