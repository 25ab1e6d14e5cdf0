import { createReadStream } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppFailure, appError } from '../../../shared/contract/errors';

export interface FileSlice {
  path: string;
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: FileSlice;
  signal: AbortSignal;
  /** Bytes of the body handed to the socket so far. */
  onBytes?: (sent: number) => void;
}

/**
 * One HTTP request whose body is streamed from a slice of a file. node:http (not fetch) so the
 * body has an exact Content-Length, streams without buffering, and reports bytes as they go.
 * Network failures reject with a plain Error; the caller decides whether to retry.
 */
export function sendRaw(options: RawRequest): Promise<RawResponse> {
  const url = new URL(options.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const length = options.body ? options.body.end - options.body.start + 1 : 0;
  return new Promise<RawResponse>((resolve, reject) => {
    if (options.signal.aborted) {
      reject(cancelled());
      return;
    }
    const request = send(url, {
      method: options.method,
      headers: { ...options.headers, 'Content-Length': String(length) },
      signal: options.signal,
    });
    request.on('error', (error) => reject(options.signal.aborted ? cancelled() : error));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(options.signal.aborted ? cancelled() : error));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    if (!options.body || length === 0) {
      request.end();
      return;
    }
    let sent = 0;
    const file = createReadStream(options.body.path, {
      start: options.body.start,
      end: options.body.end,
      highWaterMark: 256 * 1024,
    });
    file.on('data', (chunk) => {
      sent += chunk.length;
      options.onBytes?.(sent);
    });
    file.on('error', (error) => request.destroy(error));
    // A cut or cancelled request must not keep the file open.
    request.on('close', () => file.destroy());
    file.pipe(request);
  });
}

function cancelled(): AppFailure {
  return new AppFailure(appError('cancelled', 'Cancelled.'));
}
