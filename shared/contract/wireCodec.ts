/**
 * Encodes messages for the WebSocket transport. Plain messages are JSON text; messages that
 * carry Uint8Array fields (Arrow record batches, file chunks) become one binary frame:
 *   [u32 header length][header JSON][bytes of each binary field, in order]
 * so large payloads never pass through JSON.stringify. Each field starts at a multiple of 8
 * bytes into the frame (the header JSON is padded with spaces, fields with zeros): Arrow reads
 * its buffers in place only when they are aligned, so a batch is decoded without a copy.
 */
const BIN_KEY = '$bin';
const ALIGN = 8;

function aligned(offset: number): number {
  return Math.ceil(offset / ALIGN) * ALIGN;
}

interface Header {
  message: unknown;
  bins: number[];
}

function extractBinaries(value: unknown, bins: Uint8Array[]): unknown {
  if (value instanceof Uint8Array) {
    bins.push(value);
    return { [BIN_KEY]: bins.length - 1 };
  }
  if (Array.isArray(value)) return value.map((item) => extractBinaries(item, bins));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = extractBinaries(item, bins);
    return out;
  }
  return value;
}

function restoreBinaries(value: unknown, bins: Uint8Array[]): unknown {
  if (Array.isArray(value)) return value.map((item) => restoreBinaries(item, bins));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const index = record[BIN_KEY];
    if (typeof index === 'number' && Object.keys(record).length === 1) {
      const bin = bins[index];
      if (!bin) throw new Error('Malformed frame: missing binary attachment.');
      return bin;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = restoreBinaries(item, bins);
    return out;
  }
  return value;
}

export function encodeMessage(message: unknown): string | Uint8Array {
  const bins: Uint8Array[] = [];
  const stripped = extractBinaries(message, bins);
  if (bins.length === 0) return JSON.stringify(message);
  const header: Header = { message: stripped, bins: bins.map((b) => b.byteLength) };
  const json = JSON.stringify(header);
  const encoded = new TextEncoder().encode(json);
  const headerLength = aligned(4 + encoded.byteLength) - 4;
  let total = 4 + headerLength;
  for (const bin of bins) total = aligned(total) + bin.byteLength;
  const frame = new Uint8Array(total);
  new DataView(frame.buffer).setUint32(0, headerLength);
  frame.set(encoded, 4);
  frame.fill(0x20, 4 + encoded.byteLength, 4 + headerLength);
  let offset = 4 + headerLength;
  for (const bin of bins) {
    offset = aligned(offset);
    frame.set(bin, offset);
    offset += bin.byteLength;
  }
  return frame;
}

/** Throws on malformed input; callers treat that as a protocol error. */
export function decodeMessage(data: string | Uint8Array): unknown {
  if (typeof data === 'string') return JSON.parse(data);
  if (data.byteLength < 4) throw new Error('Malformed frame: too short.');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const headerLength = view.getUint32(0);
  if (4 + headerLength > data.byteLength) throw new Error('Malformed frame: bad header length.');
  const header = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + headerLength))) as Header;
  if (!Array.isArray(header.bins)) throw new Error('Malformed frame: no attachment table.');
  const bins: Uint8Array[] = [];
  let offset = 4 + headerLength;
  for (const length of header.bins) {
    offset = aligned(offset);
    if (typeof length !== 'number' || offset + length > data.byteLength) {
      throw new Error('Malformed frame: attachment overruns the frame.');
    }
    bins.push(data.subarray(offset, offset + length));
    offset += length;
  }
  return restoreBinaries(header.message, bins);
}
