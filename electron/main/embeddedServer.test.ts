import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CrashPolicy, DEFAULT_RESTART_POLICY, startEmbeddedServer, type EmbeddedServer, type ServerProcess,
} from './embeddedServer';

const ROOT = resolve(import.meta.dirname, '../..');
const started: EmbeddedServer[] = [];
const folders: string[] = [];
let lastChild: ServerProcess | null = null;

/** Node's fork stands in for Electron's utilityProcess.fork: same messages, same exit event. */
function nodeFork(env: Record<string, string>): ServerProcess {
  const child = fork(join(ROOT, 'src/server/embedded.ts'), [], {
    cwd: ROOT, execArgv: ['--import', 'tsx'], env: { ...process.env, ...env, WENGAO_LOG_LEVEL: 'warn' }, stdio: 'ignore',
  });
  lastChild = child;
  return child;
}

async function start(): Promise<EmbeddedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wengao-embedded-'));
  folders.push(dataDir);
  const server = await startEmbeddedServer({ fork: nodeFork, dataDir, rendererDir: join(ROOT, 'out/renderer'), displayName: '王明' });
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('embedded desk server', () => {
  it('listens on loopback on a free port and logs the local user in with the per-launch secret', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const login = await fetch(`${server.url}/api/auth/local`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret: server.secret }),
    });
    expect(login.status).toBe(200);
    const { token, user } = await login.json() as { token: string; user: { username: string; displayName: string; roles: string[] } };
    expect(user).toMatchObject({ username: 'local', displayName: '王明' });
    expect(user.roles).toContain('writer');
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  });

  it('refuses a wrong secret and has no fixed password to guess', async () => {
    const server = await start();
    const wrong = await fetch(`${server.url}/api/auth/local`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret: 'x'.repeat(43) }),
    });
    expect(wrong.status).toBe(401);
    const other = await start();
    expect(other.secret).not.toBe(server.secret);
  });

  it('restarts a crashed server on the same port', async () => {
    const server = await start();
    const crashed = lastChild;
    (crashed as unknown as { kill(signal: string): void }).kill('SIGKILL');
    const deadline = Date.now() + 30_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      healthy = lastChild !== crashed && await fetch(`${server.url}/api/health`).then((r) => r.ok, () => false);
    }
    expect(healthy).toBe(true);
  });
});

describe('restarting a crashed server', () => {
  it('waits 1 s, 2 s, 4 s … up to 30 s between restarts; a server that ran a minute starts the delays over', () => {
    const policy = new CrashPolicy();
    let at = 0;
    const delays: number[] = [];
    // Crashes 50 s apart: never five within two minutes, so the delays grow to their cap.
    for (let i = 0; i < 7; i++) {
      const decision = policy.crashed(at, 45_000);
      if (!decision.restart) throw new Error('gave up');
      delays.push(decision.delayMs);
      at += 50_000;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(policy.crashed(at, 61_000)).toEqual({ restart: true, delayMs: 1_000 });
  });

  it('gives up at the fifth crash within two minutes, and counts afresh after a reset', () => {
    const policy = new CrashPolicy(DEFAULT_RESTART_POLICY);
    const decisions = [0, 1_000, 3_000, 7_000, 15_000].map((at) => policy.crashed(at, 0));
    expect(decisions.map((d) => d.restart)).toEqual([true, true, true, true, false]);
    expect(decisions[4]).toEqual({ restart: false, crashes: 5 });
    policy.reset();
    expect(policy.crashed(16_000, 0)).toEqual({ restart: true, delayMs: 1_000 });
    // Crashes more than two minutes ago no longer count.
    const spaced = new CrashPolicy();
    for (const at of [0, 1_000, 3_000, 7_000]) spaced.crashed(at, 0);
    expect(spaced.crashed(125_000, 0).restart).toBe(true);
  });

  it('restarts a server that exits at once with growing delays, then stops and says so; restart() tries again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wengao-embedded-'));
    folders.push(dataDir);
    const logFile = join(dataDir, 'logs', 'server.log');
    const forks: number[] = [];
    let gaveUp: number | null = null;
    const server = await startEmbeddedServer({
      fork: (env) => {
        forks.push(Date.now());
        return fork(join(ROOT, 'test/support/exitingServer.mjs'), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      },
      dataDir, rendererDir: join(ROOT, 'out/renderer'), displayName: '王明', logFile,
      restartPolicy: { ...DEFAULT_RESTART_POLICY, firstDelayMs: 100, maxDelayMs: 400 },
      onGaveUp: (crashes) => { gaveUp = crashes; },
    });
    started.push(server);
    const deadline = Date.now() + 20_000;
    while (gaveUp === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(gaveUp).toBe(5);
    expect(forks).toHaveLength(5);
    const gaps = forks.slice(1).map((t, i) => t - forks[i]);
    expect(gaps.map((gap, i) => gap >= [100, 200, 400, 400][i])).toEqual([true, true, true, true]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(forks).toHaveLength(5);

    server.restart();
    await new Promise((r) => setTimeout(r, 500));
    expect(forks.length).toBeGreaterThan(5);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('exiting server: about to fail');
    expect(log).toContain('the embedded server exited: restarting it');
    expect(log).toContain('the embedded server keeps crashing: not restarting it');
  });
});
