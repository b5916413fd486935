import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** One build for the desktop shell (main, preload) and the renderer the team server also serves. */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // server.js is the embedded desk server, run by the shell in a utility process;
        // heavyWorker.js, beside it, the entry of the server's worker threads (src/server/work);
        // logWriterWorker.js, the thread that writes the update log (src/server/collab/logWriter.ts).
        input: {
          index: resolve('electron/main/index.ts'),
          server: resolve('src/server/embedded.ts'),
          heavyWorker: resolve('src/server/work/heavyWorker.ts'),
          logWriterWorker: resolve('src/server/collab/logWriterWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
    server: {
      proxy: {
        '/api': 'http://127.0.0.1:5178',
        '/collab': { target: 'ws://127.0.0.1:5178', ws: true },
      },
    },
  },
});
