import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { contentSecurityPolicyMeta } from './scripts/contentSecurityPolicyMeta';

export default defineConfig({
  main: {
    // Tells the export engine to load its worker thread from the separately bundled file.
    define: { __BUNDLED_EXPORT_WORKER__: 'true' },
    build: {
      outDir: 'out/main',
      // Only package.json `dependencies` stay external, loaded from the packaged node_modules:
      // that is parquet-wasm alone, whose Node build reads its .wasm from beside itself. All else
      // the app uses is a devDependency and is bundled: electron-store, conf and oauth4webapi are
      // ESM-only (a CommonJS main cannot require them), and apache-arrow tree-shaken saves about
      // 100 ms of loading its ~200 modules in every export thread. `npm run package:check`
      // proves every require of the packaged bundles resolves.
      rollupOptions: { input: { index: resolve(__dirname, 'electron/shell/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() anything: everything goes into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/shell/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    publicDir: resolve(__dirname, 'assets/web'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
