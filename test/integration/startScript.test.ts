/**
 * `npm start` on a machine where Electron's binary cannot be fetched: one short Chinese message says
 * so and where the web app is (no stack trace), `--port` is honoured, and a port in use is named.
 * Electron is made missing, also where it is installed (where the `_electron` test runs): its dist
 * folder is overridden by an empty one (ELECTRON_OVERRIDE_DIST_PATH, which the electron package's
 * index.js honours) and its download is pointed at a closed loopback port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/server';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'wengao-start-'));
/** An empty Electron dist folder: the electron package resolves its binary here, and finds none. */
const noElectron = join(work, 'no-electron');
mkdirSync(noElectron);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment start.mjs runs in: Electron's dist at `dist`, its download unreachable. */
function electronEnv(dist: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env, WENGAO_SKIP_BUILD: '1', ELECTRON_OVERRIDE_DIST_PATH: dist,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: join(work, 'cache'),
  };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return env;
}

/** What scripts/electron-binary.mjs (start.mjs' check) answers in `env`. */
function binaryIn(env: NodeJS.ProcessEnv): string {
  const script = "import { electronBinary } from './scripts/electron-binary.mjs'; console.log(String(electronBinary()));";
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, encoding: 'utf8' }).stdout.trim();
}

interface Started { output: () => string; exited: Promise<number | null>; stop: () => void; pid: number }

function start(args: string[]): Started {
  // npm test has built out/ already; a second build here would empty it under other tests' feet.
  const env = electronEnv(noElectron);
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], { cwd: ROOT, env, detached: true });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const stop = (): void => {
    try { if (child.pid) process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  return { output: () => text, exited, stop, pid: child.pid ?? 0 };
}

let up = false;

/** True when the desk server answers /api/health on the port. */
async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm start without an Electron binary', () => {
  it('finds no Electron binary in the environment these tests give it, installed or not', () => {
    expect(binaryIn(electronEnv(noElectron))).toBe('null');
    // The same override does point the check at a binary that is there: it is what decides.
    const fake = join(work, 'fake-electron');
    mkdirSync(fake);
    writeFileSync(join(fake, 'electron'), '');
    expect(binaryIn(electronEnv(fake))).toBe(join(fake, 'electron'));
  });

  it('says in Chinese that it starts the web app, on the port asked for, without a stack trace', async () => {
    const port = await freePort();
    const started = start(['--port', String(port), '--data', join(work, 'data')]);
    try {
      await until(() => started.output().includes(`http://127.0.0.1:${port}`), 90_000);
      let healthy = false;
      const check = (): void => {
        fetch(`http://127.0.0.1:${port}/api/health`).then((r) => { healthy = r.ok; }, () => undefined);
      };
      await until(() => { check(); return healthy; }, 60_000);
      const text = started.output();
      expect(text).toContain('本机无法下载 Electron 运行环境，改为网页方式启动');
      expect(text).not.toMatch(/ENOTFOUND|ECONNREFUSED|RequestError|\n\s+at /);
    } finally {
      started.stop();
      await started.exited;
    }
  }, 120_000);

  it('stops the server when only npm start itself is told to stop (as a service manager does)', async () => {
    const port = await freePort();
    const started = start(['--port', String(port), '--data', join(work, 'data-term')]);
    try {
      await until(() => started.output().includes(`http://127.0.0.1:${port}`), 90_000);
      await until(() => { void healthy(port).then((ok) => { up = ok; }); return up; }, 60_000);
      process.kill(started.pid, 'SIGTERM'); // the script's process alone, not its group
      await started.exited;
      // Nothing it started may keep serving: the port is free again within a few seconds.
      let down = false;
      await until(() => { void healthy(port).then((ok) => { down = !ok; }); return down; }, 15_000);
    } finally {
      started.stop();
    }
  }, 120_000);

  it('names a port that is taken and how to choose another', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done));
    const started = start(['--port', String(port), '--data', join(work, 'data')]);
    try {
      expect(await started.exited).toBe(1);
      expect(started.output()).toContain(`端口 ${port} 已被占用`);
      expect(started.output()).toContain('npm start -- --port 5300');
    } finally {
      started.stop();
      blocker.close();
    }
  }, 120_000);
});
