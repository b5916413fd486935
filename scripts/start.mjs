// `npm start`: the desktop app. Electron's binary is fetched on first start (npm's install scripts
// are off for it, see package.json allowScripts); where it cannot be fetched, the same app starts in
// web mode on http://127.0.0.1:5178, which is what the desktop window shows too.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (run('npm', ['run', 'build']) !== 0) process.exit(1);
if (!electronBinary() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  const installer = join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
  console.log('文稿台: fetching the Electron binary (first start only)…');
  run(process.execPath, [installer]);
}
if (electronBinary()) process.exit(run('npx', ['electron-vite', 'preview']));

console.log('\n文稿台: the Electron binary is not available on this machine; starting the web app instead.');
console.log('文稿台: open http://127.0.0.1:5178 in a browser (Ctrl-C stops it).\n');
process.exit(run('npm', ['run', 'serve', '--', '--port', '5178', '--host', '127.0.0.1', '--data', './data']));
