import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from '../shared/contentSecurityPolicy';

const metaTag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/;

/** Writes the one generated policy into the page's meta tag (the header carries the same one). */
export function withContentSecurityPolicy(html: string): string {
  if (!metaTag.test(html)) throw new Error('renderer/index.html has no Content-Security-Policy meta tag.');
  return html.replace(
    metaTag,
    `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`,
  );
}

/** The Vite plugin both renderer builds use (electron-vite's and browser mode's). */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    transformIndexHtml: { order: 'pre', handler: withContentSecurityPolicy },
  };
}
