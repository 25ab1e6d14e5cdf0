import { expect, it, vi } from 'vitest';
import { openExternalLink, safeLinkHref } from './externalLink';

it('opens only http(s) addresses it rebuilt itself', () => {
  expect(safeLinkHref('https://redivis.com/datasets/abc?x=1#top')).toBe(
    'https://redivis.com/datasets/abc?x=1#top',
  );
  expect(safeLinkHref('http://127.0.0.1:8400/oauth/authorize?state=s')).toBe(
    'http://127.0.0.1:8400/oauth/authorize?state=s',
  );
  for (const bad of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>1</script>',
    'file:///etc/passwd',
    'vbscript:x',
    'https://user:pass@redivis.com/',
    'not a url',
    '',
  ]) {
    expect(safeLinkHref(bad), bad).toBeUndefined();
  }
  const open = vi.fn();
  openExternalLink('javascript:alert(1)', open);
  openExternalLink('https://redivis.com/', open);
  expect(open.mock.calls).toEqual([['https://redivis.com/']]);
});
