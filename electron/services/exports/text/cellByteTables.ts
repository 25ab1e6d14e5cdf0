import { formatDate } from './cellText';

/**
 * Lookup tables for the byte writers of byteCells.ts: digit pairs and quads as little-endian
 * words, recent date spellings, and JSON's escapes. Built once per thread.
 */

/** "00"…"99" and "0000"…"9999" as little-endian 16- and 32-bit words. */
export const PAIRS = new Uint16Array(100);
export const QUADS = new Uint32Array(10_000);
for (let n = 0; n < 10_000; n++) {
  const d = [(n / 1000) | 0, ((n / 100) | 0) % 10, ((n / 10) | 0) % 10, n % 10].map((x) => 48 + x);
  QUADS[n] = d[0]! | (d[1]! << 8) | (d[2]! << 16) | (d[3]! << 24);
  if (n < 100) PAIRS[n] = d[2]! | (d[3]! << 8);
}

/**
 * ⌊value / divisor⌋ for safe integers, exactly: the quotient is rounded, so it is corrected by
 * one where that crossed an integer (`%` on doubles is a slow library call).
 */
export function floorDiv(value: number, divisor: number): number {
  const quotient = Math.floor(value / divisor);
  const rest = value - quotient * divisor;
  return rest < 0 ? quotient - 1 : rest >= divisor ? quotient + 1 : quotient;
}

/** A constant byte string (an NDJSON key) as 32-bit words, the last one zero-padded. */
export interface ConstantBytes {
  words: Uint32Array;
  length: number;
}

export function constantBytes(text: string): ConstantBytes {
  const bytes = Buffer.from(text, 'utf8');
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  const words = new Uint32Array(padded.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(4 * i, true);
  return { words, length: bytes.length };
}

// formatDate spellings, direct-mapped by day: real columns repeat days constantly. The usual
// 10-byte YYYY-MM-DD is kept as three words (two bytes of overhang); others (years beyond
// 0…9999) as bytes.
const DATE_SLOTS = 4096;
export const DATE_WIDTH = 16;
const dateKeys = new Int32Array(DATE_SLOTS);
export const dateLengths = new Uint8Array(DATE_SLOTS); // 0 = empty slot
export const dateBytes = new Uint8Array(DATE_SLOTS * DATE_WIDTH);
export const dateWords = new Uint32Array(DATE_SLOTS * 3);

export function cachedDate(days: number): number {
  const slot = days & (DATE_SLOTS - 1);
  if (dateLengths[slot] !== 0 && dateKeys[slot] === days) return slot;
  const text = formatDate(days);
  if (text.length > DATE_WIDTH) return -1;
  const base = slot * DATE_WIDTH;
  for (let k = 0; k < text.length; k++) dateBytes[base + k] = text.charCodeAt(k);
  const word = (k: number) =>
    dateBytes[base + k]! |
    (dateBytes[base + k + 1]! << 8) |
    (dateBytes[base + k + 2]! << 16) |
    (dateBytes[base + k + 3]! << 24);
  dateWords[slot * 3] = word(0);
  dateWords[slot * 3 + 1] = word(4);
  dateWords[slot * 3 + 2] = word(8);
  dateKeys[slot] = days;
  dateLengths[slot] = text.length;
  return slot;
}

/** JSON.stringify's escape letter by byte (0: copied as is); `u` means \u00XX. */
export const JSON_ESCAPES = new Uint8Array(256).fill(0x75, 0, 0x20);
for (const [b, letter] of [
  [8, 'b'],
  [9, 't'],
  [10, 'n'],
  [12, 'f'],
  [13, 'r'],
  [0x22, '"'],
  [0x5c, '\\'],
] as const) {
  JSON_ESCAPES[b] = letter.charCodeAt(0);
}
export const HEX = Buffer.from('0123456789abcdef');

/** Whether any byte of a word is below 0x20, `"` or `\` (exact; bit tricks on all four at once). */
export function needsJsonEscape(word: number): boolean {
  const quote = word ^ 0x22222222;
  const slash = word ^ 0x5c5c5c5c;
  const control = (word - 0x20202020) & ~word;
  const quotes = (quote - 0x01010101) & ~quote;
  const slashes = (slash - 0x01010101) & ~slash;
  return ((control | quotes | slashes) & 0x80808080) !== 0;
}
