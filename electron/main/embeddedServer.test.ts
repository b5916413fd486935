import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer, type ServerProcess } from './embeddedServer';

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
