import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demoServer';

describe('demo server', () => {
  const roots: string[] = [];
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it('serves the demo data, and moves to a free port when the usual one is taken', async () => {
    const root = await mkdtemp(`${tmpdir()}/rd-demo-`);
    roots.push(root);
    // Occupy a port, then ask the demo server for it.
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const demo = await startDemoServer(root, { port: taken });
    try {
      expect(demo.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      expect(new URL(demo.apiBase).port).not.toBe(String(taken));
      const consent = await fetch(
        `${new URL(demo.apiBase).origin}/oauth/authorize?response_type=code&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256&scope=public`,
      );
      expect(await consent.text()).toContain('Sign in to the Redivis emulator as Demo User');
    } finally {
      await demo.close();
      blocker.close();
    }
  });
});
