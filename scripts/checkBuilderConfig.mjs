// Validates electron-builder.yml with electron-builder's own schema check, offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function checkBuilderConfig(path = join(root, 'electron-builder.yml')) {
  const { load } = require('js-yaml');
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  const config = load(readFileSync(path, 'utf8'));
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  checkBuilderConfig(process.argv[2])
    .then(() => console.log('electron-builder.yml is valid.'))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
