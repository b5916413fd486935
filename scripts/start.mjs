// `npm start [-- --port N] [--data DIR]`: the desktop app. Electron's binary is fetched on first start (npm's
// install scripts are off for it, see package.json allowScripts); where it cannot be fetched, the
// same app starts in web mode on http://127.0.0.1:5178 (or --port N), which is what the desktop
// window shows too. Every message is one short Chinese line: a new user never meets a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { electronBinary } from './electron-binary.mjs';

const say = (line) => console.log(`文稿台：${line}`);
const run = (command, args, stdio = 'inherit') =>
  spawnSync(command, args, { stdio, shell: process.platform === 'win32', encoding: 'utf8' });

let port = 5178;
let data = './data';
try {
  const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' } }, strict: true });
  if (values.port !== undefined) port = Number(values.port);
  if (values.data !== undefined) data = values.data;
} catch {
  say('用法：npm start [-- --port 5300] [--data 数据文件夹]');
  process.exit(2);
}
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  say('端口应是 1 到 65535 之间的整数，例如 npm start -- --port 5300');
  process.exit(2);
}

/** True when nothing listens on 127.0.0.1:port. */
function portIsFree(candidate) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(candidate, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

// WENGAO_SKIP_BUILD=1: use the build in out/ as it is (the tests, which build once before they run).
if (!process.env.WENGAO_SKIP_BUILD) {
  say('正在构建…');
  if (run('npm', ['run', 'build', '--silent'], ['ignore', 'ignore', 'inherit']).status !== 0) {
    say('构建失败，错误见上。');
    process.exit(1);
  }
}
if (!electronBinary() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  const installer = join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
  say('首次启动，正在下载 Electron 运行环境…');
  // Its output (a stack trace when the download host is out of reach) is not for the user.
  run(process.execPath, [installer], 'pipe');
}
if (electronBinary()) process.exit(run('npx', ['electron-vite', 'preview']).status ?? 1);

if (!(await portIsFree(port))) {
  say(`端口 ${port} 已被占用（也许文稿台已在运行：请在浏览器打开 http://127.0.0.1:${port}）。`);
  say('要换一个端口，请运行 npm start -- --port 5300');
  process.exit(1);
}
say('本机无法下载 Electron 运行环境，改为网页方式启动（功能相同）。');
say(`请在浏览器打开 http://127.0.0.1:${port}，按 Ctrl-C 停止。数据保存在 ${data}。`);
// The server runs as one Node process (tsx as a loader, no npm or tsx wrapper in between) in a
// process group of its own, so a signal reaches it exactly once: from here, whether it was Ctrl-C in
// the terminal or a SIGTERM sent to this script alone. A second signal would cut its shutdown short.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', data],
  { stdio: 'inherit', detached: process.platform !== 'win32' });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
