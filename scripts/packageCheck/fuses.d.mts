import type { Problem } from './moduleGraph.mjs';

/** The fuses the app ships with, by electron-builder `electronFuses` key. */
export const requiredFuses: Record<string, boolean>;
/** Problems with the `electronFuses` of an electron-builder config. */
export function checkFuseConfig(config: unknown): Problem[];
/** Writes a stand-in Electron distribution whose executable carries Electron 45's fuse wire. */
export function writeStandInElectron(dir: string, version: string): Promise<string>;
/** Reads the fuse wire of a packaged executable; lists every fuse not in its required state. */
export function checkFuseWire(executable: string, required?: Record<string, boolean>): Promise<Problem[]>;
