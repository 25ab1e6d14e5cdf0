import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy';
import { withContentSecurityPolicy } from './contentSecurityPolicyMeta';

function metaPolicy(html: string): string | undefined {
  return /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
}

it('writes the header policy into the page, less what a meta tag cannot carry', async () => {
  const page = await readFile(join(__dirname, '../renderer/index.html'), 'utf8');
  const built = metaPolicy(withContentSecurityPolicy(page));
  const header = contentSecurityPolicy.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
  expect(built?.split('; ')).toEqual(header);
  expect(built).not.toMatch(/ws:|wss:/);
  expect(() => withContentSecurityPolicy('<html><head></head></html>')).toThrow(/meta tag/);
});
