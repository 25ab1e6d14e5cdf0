import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../../shared/contract/errors';
import type { FileEntry } from '../../../shared/contract/filesModel';
import type { RedivisApiClient } from '../redivis/apiClient';
import { safeServedType } from './contentTypes';
import { fetchFileBytes } from '../redivis/api/files';

/** The desktop app's scheme for file bytes: `redivis-file://file/<handle>/<name>`. */
export const FILE_SCHEME = 'redivis-file';
/** Browser mode's route (under `/local/`, behind the launch secret). */
export const FILE_ROUTE = 'files';

/** What the page may load: a file it was shown, behind an id that means nothing elsewhere. */
interface Handle {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
  expires: number;
}

/** An answer to a content request, independent of who serves it (protocol handler or HTTP route). */
export interface ContentAnswer {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array> | null;
  /** Stops reading from Redivis (the page went away). */
  abort(): void;
}

const HANDLE_LIFETIME_MS = 6 * 3600_000;
const MAX_HANDLES = 2000;

/**
 * File bytes for previews. The page never gets a token or a path: it asks (through the
 * contract) for a file it was listed, and receives an address naming a random handle. Requests
 * for that address are answered here, streaming from Redivis with the token added on this side
 * and the page's `Range` passed on, so audio and video seek and PDFs load piece by piece.
 */
export class FileContent {
  private readonly handles = new Map<string, Handle>();

  constructor(
    private readonly api: RedivisApiClient,
    private readonly mode: 'electron' | 'browser',
    private readonly now: () => number = Date.now,
  ) {}

  /** An address for the page. Desktop: the custom scheme; browser mode: the same-origin route. */
  addressFor(file: FileEntry): string {
    const handle = randomBytes(18).toString('base64url');
    this.handles.set(handle, {
      fileId: file.id,
      name: file.name,
      size: file.size,
      contentType: file.contentType,
      expires: this.now() + HANDLE_LIFETIME_MS,
    });
    if (this.handles.size > MAX_HANDLES) {
      const oldest = this.handles.keys().next().value;
      if (oldest !== undefined) this.handles.delete(oldest);
    }
    const name = encodeURIComponent(file.name.slice(file.name.lastIndexOf('/') + 1) || 'file');
    return this.mode === 'electron'
      ? `${FILE_SCHEME}://file/${handle}/${name}`
      : `/local/${FILE_ROUTE}/${handle}/${name}`;
  }

  /** The handle named by a request path (`/<handle>/<name>` after the scheme or route prefix). */
  private handleOf(path: string): Handle | undefined {
    const handle = path.split('/').filter(Boolean)[0] ?? '';
    const found = this.handles.get(handle);
    if (found && found.expires <= this.now()) {
      this.handles.delete(handle);
      return undefined;
    }
    return found;
  }

  /** Answers a GET/HEAD for `path` (the part after the prefix) with an optional `Range` header. */
  async answer(method: string, path: string, range: string | undefined): Promise<ContentAnswer> {
    const none = () => undefined;
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed', none);
    const handle = this.handleOf(path);
    if (!handle) return plain(404, 'Not found', none);
    const base = {
      'Accept-Ranges': 'bytes',
      'Content-Type': safeServedType(handle.contentType),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    const wanted = range && /^bytes=\d*-\d*$/.test(range.trim()) ? range.trim() : undefined;
    if (handle.size === 0) {
      return { status: 200, headers: { ...base, 'Content-Length': '0' }, body: null, abort: none };
    }
    if (method === 'HEAD') {
      return {
        status: 200,
        headers: { ...base, 'Content-Length': String(handle.size) },
        body: null,
        abort: none,
      };
    }
    const controller = new AbortController();
    try {
      const { response, headers } = await fetchFileBytes(this.api, handle.fileId, {
        range: wanted,
        signal: controller.signal,
        what: 'this file',
      });
      const out: Record<string, string> = { ...base };
      if (headers.contentLength !== undefined) out['Content-Length'] = String(headers.contentLength);
      if (headers.status === 206 && headers.contentRange) {
        const { start, end, size } = headers.contentRange;
        out['Content-Range'] = `bytes ${start}-${end}/${size}`;
      }
      return {
        status: headers.status,
        headers: out,
        body: response.body,
        abort: () => controller.abort(),
      };
    } catch (error) {
      if (error instanceof AppFailure && /416/.test(error.appError.detail ?? '')) {
        return {
          status: 416,
          headers: { ...base, 'Content-Range': `bytes */${handle.size}` },
          body: null,
          abort: none,
        };
      }
      const status = error instanceof AppFailure && error.appError.code === 'not_found' ? 404 : 502;
      return plain(status, error instanceof Error ? error.message : 'The file could not be read.', none);
    }
  }
}

function plain(status: number, text: string, abort: () => void): ContentAnswer {
  const bytes = new TextEncoder().encode(text);
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(bytes.length) },
    body: (async function* () {
      yield bytes;
    })(),
    abort,
  };
}
