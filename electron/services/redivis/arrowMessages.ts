import { Message, MessageHeader } from 'apache-arrow';
import { AppFailure, appError } from '../../../shared/contract/errors';

/** One encapsulated Arrow IPC message as it came off the wire, its body left where it arrived. */
export interface ArrowMessage {
  header: Message;
  /**
   * The message's leading bytes in the current format: continuation marker, metadata length,
   * flatbuffer, zero padding to 8 bytes. Written as they are, a body that follows stays aligned.
   */
  metadata: Uint8Array;
  /** The body as views into the received chunks (never copied). */
  body: Uint8Array[];
  bodyLength: number;
}

/** Metadata is a few hundred bytes; anything past this is a corrupt length, not a message. */
const MAX_METADATA_BYTES = 64 * 1024 * 1024;
const CONTINUATION = -1;
const KNOWN_HEADERS = new Set<number>([
  MessageHeader.Schema,
  MessageHeader.DictionaryBatch,
  MessageHeader.RecordBatch,
]);

/**
 * Cuts a byte stream into Arrow IPC messages (the streaming format) without decoding record
 * batches and without joining the network chunks: only each message's small flatbuffer is
 * copied and read. This lets a download pass batches to disk or to a worker as they are,
 * instead of paying to decode and re-encode every one.
 */
export class ArrowMessageFramer {
  /** True once the end-of-stream marker was read; bytes after it are ignored. */
  ended = false;
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private pending: { header: Message; metadata: Uint8Array; bodyLength: number } | null = null;

  /** Adds received bytes and returns every message they complete. */
  push(chunk: Uint8Array): ArrowMessage[] {
    if (this.ended || chunk.byteLength === 0) return [];
    this.chunks.push(chunk);
    this.buffered += chunk.byteLength;
    const messages: ArrowMessage[] = [];
    for (;;) {
      if (!this.pending && !this.readMetadata()) break;
      const pending = this.pending;
      if (!pending || this.buffered < pending.bodyLength) break;
      messages.push({ ...pending, body: this.take(pending.bodyLength) });
      this.pending = null;
    }
    return messages;
  }

  /** True when no partial message is held (the stream may end here). */
  get atBoundary(): boolean {
    return !this.pending && this.buffered === 0;
  }

  private readMetadata(): boolean {
    if (this.ended || this.buffered < 4) return false;
    const first = this.peekInt32(0);
    // Streams written before Arrow 0.15 have no continuation marker: the length comes first.
    const prefix = first === CONTINUATION ? 8 : 4;
    if (this.buffered < prefix) return false;
    const length = prefix === 8 ? this.peekInt32(4) : first;
    if (length === 0) {
      this.take(prefix);
      this.ended = true;
      this.chunks = [];
      this.buffered = 0;
      return false;
    }
    if (length < 0 || length > MAX_METADATA_BYTES) throw malformed(`a message length of ${length} bytes`);
    if (this.buffered < prefix + length) return false;
    const flatbuffer = join(this.take(prefix + length)).subarray(prefix);
    let header: Message;
    try {
      header = Message.decode(flatbuffer);
    } catch (error) {
      throw malformed(error instanceof Error ? error.message : String(error));
    }
    if (!KNOWN_HEADERS.has(header.headerType)) throw malformed(`a message of type ${header.headerType}`);
    const bodyLength = Number(header.bodyLength);
    if (!Number.isSafeInteger(bodyLength) || bodyLength < 0) throw malformed(`a body of ${bodyLength} bytes`);
    this.pending = { header, metadata: frameMetadata(flatbuffer), bodyLength };
    return true;
  }

  private peekInt32(at: number): number {
    const bytes = new Uint8Array(4);
    let filled = 0;
    let skip = at;
    for (const chunk of this.chunks) {
      if (skip >= chunk.byteLength) {
        skip -= chunk.byteLength;
        continue;
      }
      const piece = chunk.subarray(skip, skip + 4 - filled);
      bytes.set(piece, filled);
      filled += piece.byteLength;
      skip = 0;
      if (filled === 4) break;
    }
    return new DataView(bytes.buffer).getInt32(0, true);
  }

  /** Removes `count` bytes from the front, as views into the chunks they arrived in. */
  private take(count: number): Uint8Array[] {
    const pieces: Uint8Array[] = [];
    let left = count;
    while (left > 0) {
      const chunk = this.chunks[0];
      if (!chunk) break;
      if (chunk.byteLength <= left) {
        pieces.push(chunk);
        left -= chunk.byteLength;
        this.chunks.shift();
      } else {
        pieces.push(chunk.subarray(0, left));
        this.chunks[0] = chunk.subarray(left);
        left = 0;
      }
    }
    this.buffered -= count;
    return pieces;
  }
}

/** Splits a whole in-memory IPC stream (what apache-arrow's writers produce) into messages. */
export function messagesOf(ipc: Uint8Array): ArrowMessage[] {
  const framer = new ArrowMessageFramer();
  const messages = framer.push(ipc);
  if (!framer.atBoundary && !framer.ended) throw malformed('the data ends inside a message');
  return messages;
}

/** Continuation marker + padded length + flatbuffer + zero padding, 8-byte aligned. */
function frameMetadata(flatbuffer: Uint8Array): Uint8Array {
  const padded = (8 + flatbuffer.byteLength + 7) & ~7;
  const framed = new Uint8Array(padded);
  const view = new DataView(framed.buffer);
  view.setInt32(0, CONTINUATION, true);
  view.setInt32(4, padded - 8, true);
  framed.set(flatbuffer, 8);
  return framed;
}

/**
 * The pieces as one array: the only piece itself, or a copy into `allocate(size)` (which must
 * give exactly `size` bytes; callers pass one that reuses buffers).
 */
export function join(
  pieces: Uint8Array[],
  allocate: (size: number) => Uint8Array = (size) => new Uint8Array(size),
): Uint8Array {
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  const size = pieces.reduce((sum, p) => sum + p.byteLength, 0);
  const joined = allocate(size);
  let at = 0;
  for (const piece of pieces) {
    joined.set(piece, at);
    at += piece.byteLength;
  }
  return joined;
}

function malformed(detail: string): AppFailure {
  return new AppFailure(
    appError('server', 'The server sent data that is not a valid Arrow stream.', { detail, action: 'retry' }),
  );
}
