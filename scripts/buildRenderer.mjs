// Builds only the renderer (for browser mode and the end-to-end tests) into a chosen folder.
import react from '@vitejs/plugin-react';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRenderer(outDir = join(root, 'out/renderer')) {
  // The same policy generator the desktop build uses (a TypeScript module).
  const { contentSecurityPolicyMeta } = await tsImport('./contentSecurityPolicyMeta.ts', import.meta.url);
  await build({
    root: join(root, 'renderer'),
    base: './',
    publicDir: join(root, 'assets/web'),
    plugins: [react(), contentSecurityPolicyMeta()],
    logLevel: 'warn',
    build: { outDir: resolve(outDir), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildRenderer(process.argv[2]);
