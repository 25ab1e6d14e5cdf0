import type { RedivisClient } from '../../shared/contract';

let current: RedivisClient | undefined;

/** Set once at start-up; every feature reaches the Node side only through this. */
export function setClient(client: RedivisClient): void {
  current = client;
}

export function client(): RedivisClient {
  if (!current) throw new Error('The app is not connected yet.');
  return current;
}
