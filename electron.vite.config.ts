import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // playwright-core prints reports for the web bridge and the CLI; it must stay a runtime require (it reads its
      // own package files), and the desktop app prints through Electron's printToPDF instead.
      externalizeDeps: { include: ['playwright-core'], exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          worker: resolve(__dirname, 'src/main/worker.ts'),
          bridge: resolve(__dirname, 'src/main/bridge/main.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          demo: resolve(__dirname, 'src/main/demo/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      chunkSizeWarningLimit: 6000,
    },
  },
});
