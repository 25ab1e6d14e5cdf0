/**
 * Headers for PUTs to a temp upload URL. Redivis may hand out signed storage URLs on another
 * host; those carry their own authority, and the bearer token must never leave the API's origin.
 */
export function uploadHeadersFor(
  apiBase: string,
  uploadUrl: string,
  token: string | undefined,
): Record<string, string> {
  if (!token) return {};
  return new URL(uploadUrl).origin === new URL(apiBase).origin ? { Authorization: `Bearer ${token}` } : {};
}
