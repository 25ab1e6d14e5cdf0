import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function encode(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return out;
}

/** A deterministic 4-character reference id derived from a seed (demo data must be stable). */
export function referenceIdFor(seed: string): string {
  return encode(createHash('sha256').update(seed).digest(), 4);
}

/** A deterministic persistent id `xxxx-xxxxxxxxx` whose first 4 characters are the reference id. */
export function persistentIdFor(referenceId: string, seed: string): string {
  return `${referenceId}-${encode(createHash('sha256').update(`pid:${seed}`).digest(), 9)}`;
}

export function randomId(length = 12): string {
  return encode(randomBytes(length), length);
}
