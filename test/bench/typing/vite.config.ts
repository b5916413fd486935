/**
 * Builds the typing bench page (index.html + main.ts) as a production bundle, like the renderer's:
 * `vite build -c test/bench/typing/vite.config.ts --outDir <dir>`. typingLatency.ts builds it into a
 * temporary folder on each run.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: { emptyOutDir: true, minify: true, sourcemap: false, chunkSizeWarningLimit: 4096 },
});
