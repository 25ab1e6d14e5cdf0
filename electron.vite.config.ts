import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    // Tells the export engine to load its worker thread from the separately bundled file.
    define: { __BUNDLED_EXPORT_WORKER__: 'true' },
    build: {
      outDir: 'out/main',
      // electron-store and conf are ESM-only; bundling them keeps the CommonJS main loadable.
      // apache-arrow is bundled (tree-shaken) too: loading its ~200 modules took about 100 ms in
      // every export thread, before the first batch could be written.
      externalizeDeps: { exclude: ['electron-store', 'conf', 'apache-arrow'] },
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
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
