// Electron fuses: the policy, its check against electron-builder.yml, a stand-in Electron
// executable that carries a fuse wire (so electron-builder's @electron/fuses step really runs
// offline), and the read-back of the wire from the packaged executable.
import fuses from '@electron/fuses';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const { FuseV1Options, getCurrentFuseWire } = fuses;

/** The fuses the app ships with: electron-builder `electronFuses` key → required state. */
export const requiredFuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

/** electron-builder's `electronFuses` keys → their index on the fuse wire. */
const wireIndex = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
};

/** Problems with the `electronFuses` of an electron-builder config (a missing or wrong fuse). */
export function checkFuseConfig(config) {
  const set = config?.electronFuses ?? {};
  return Object.entries(requiredFuses)
    .filter(([key, value]) => set[key] !== value)
    .map(([key, value]) => ({
      file: 'electron-builder.yml',
      message: `electronFuses.${key} must be ${value} (is ${set[key] ?? 'unset'})`,
    }));
}

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron 45's fuse wire as built (version 1, nine fuses): RunAsNode, NODE_OPTIONS, --inspect,
 * GrantFileProtocolExtraPrivileges and WasmTrapHandlers on; cookie encryption, asar integrity,
 * only-load-from-asar and the browser V8 snapshot off. Every fuse the app sets starts opposite.
 */
const electron45Wire = '101100011';

/**
 * Writes a stand-in Electron distribution (what electron-builder's `electronDist` expects on
 * Linux): an `electron` executable that only says it is a stand-in but carries Electron's fuse
 * sentinel and wire, so @electron/fuses can flip and read it, plus LICENSE and version.
 */
export async function writeStandInElectron(dir, version) {
  await mkdir(dir, { recursive: true });
  const executable = join(dir, 'electron');
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, electron45Wire.length]),
    Buffer.from(electron45Wire),
  ]);
  await writeFile(
    executable,
    Buffer.concat([
      Buffer.from(
        '#!/bin/sh\necho "stand-in Electron for offline packaging checks; not runnable" >&2\nexit 1\n# ',
      ),
      wire,
      Buffer.from('\n'),
    ]),
  );
  await chmod(executable, 0o755);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron license.\n');
  await writeFile(join(dir, 'version'), version);
  return executable;
}

/** Reads the fuse wire of a packaged executable and lists every fuse not in its required state. */
export async function checkFuseWire(executable, required = requiredFuses) {
  const wire = await getCurrentFuseWire(executable);
  const on = '1'.charCodeAt(0);
  const off = '0'.charCodeAt(0);
  return Object.entries(required).flatMap(([key, value]) => {
    const state = wire[wireIndex[key]];
    if (state === (value ? on : off)) return [];
    const shown = state === on ? 'on' : state === off ? 'off' : `state ${state}`;
    return [{ file: executable, message: `fuse ${key} is ${shown}, must be ${value ? 'on' : 'off'}` }];
  });
}
