import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A process with nothing to do but watch its own event loop (plain node, nothing loaded). */
const SCRIPT = `
const { monitorEventLoopDelay } = require('node:perf_hooks');
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'start') delay.reset();
  else process.stdout.write(JSON.stringify({ p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 }) + '\\n');
});
process.stdout.write('ready\\n');
`;

export interface IdleDelay {
  p99Ms: number;
  maxMs: number;
}

/**
 * The event-loop delay of a process that does nothing, beside an export on the same machine:
 * what the machine itself gives any event loop while the export (and the demo server) keep its
 * cores busy. `start` begins the window, `stop` ends it and says the delay.
 */
export async function idleBystander(): Promise<{ start(): void; stop(): Promise<IdleDelay> }> {
  const child = spawn(process.execPath, ['-e', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the idle process ended early');
    return value as string;
  };
  if ((await next()) !== 'ready') throw new Error('the idle process did not start');
  return {
    start: () => child.stdin.write('start\n'),
    async stop() {
      child.stdin.write('stop\n');
      const { p99, max } = JSON.parse(await next()) as { p99: number; max: number };
      child.stdin.end();
      child.kill();
      return { p99Ms: p99, maxMs: max };
    },
  };
}
