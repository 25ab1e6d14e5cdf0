import type { RequestContext } from '../../http/routeModule.js';

/** OAuth endpoints accept both form-encoded and JSON bodies. */
export async function readOAuthBody(ctx: RequestContext): Promise<Record<string, string>> {
  const text = await ctx.readText(64 * 1024);
  const type = String(ctx.headers['content-type'] ?? '').toLowerCase();
  const out: Record<string, string> = {};
  if (type.includes('application/json') || text.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text || '{}');
      if (parsed && typeof parsed === 'object') {
        for (const [key, value] of Object.entries(parsed)) {
          if (value === null || value === undefined) continue;
          out[key] = Array.isArray(value) ? value.join(' ') : String(value);
        }
      }
    } catch {
      // Fall through with an empty body; the endpoint reports the missing fields.
    }
    return out;
  }
  for (const [key, value] of new URLSearchParams(text)) out[key] = value;
  return out;
}
