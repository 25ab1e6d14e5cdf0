import { getPriority } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';

it.runIf(process.platform === 'linux')(
  'lowers the priority of the export thread that calls it, not of the app',
  async () => {
    const before = getPriority();
    const source = join(__dirname, 'threadPriority.ts');
    const worker = new Worker(
      `require('tsx/cjs'); require(${JSON.stringify(source)}).yieldToAppThreads();
       require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority());`,
      { eval: true },
    );
    const threadPriority = await new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(threadPriority).toBe(Math.min(19, before + 10));
    expect(getPriority()).toBe(before);
  },
);
