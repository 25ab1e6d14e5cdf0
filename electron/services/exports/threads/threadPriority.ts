import { getPriority, setPriority } from 'node:os';

/** How much nicer an export thread is than the app: the kernel runs the main thread first. */
const EXPORT_THREAD_NICENESS = 10;
/** The lowest priority there is. */
const NICEST = 19;

/**
 * Lowers the calling export thread's CPU priority, so encoding fills the cores the app leaves
 * idle instead of making its main thread wait for one: on two cores, a formatter and the main
 * thread taking turns held the event loop up past 50 ms. Linux only: there a thread has a
 * priority of its own (setpriority on "process 0" is the calling thread); macOS and Windows would
 * lower the whole app. Failing to change it is harmless.
 */
export function yieldToAppThreads(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(Math.min(NICEST, getPriority() + EXPORT_THREAD_NICENESS));
  } catch {
    // Not allowed here (a sandbox): the thread keeps the app's priority.
  }
}
