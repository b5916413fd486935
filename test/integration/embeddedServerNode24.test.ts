/**
 * The embedded desk server on the Node that Electron 41 carries (24), started from the very bundle the
 * shell starts (`out/main/server.js`) by the shell's own supervisor, with node_modules exactly as
 * `npm install` left them for the Node that ran it: nothing is rebuilt. A native module built for
 * another Node ABI cannot load there, so this fails while the store needs better-sqlite3.
 *
 * Node 24 comes from test/support/node24.ts. Where it is absent the test is skipped with that reason;
 * in CI on linux x64 it fails instead, so CI cannot skip it silently.
 */
import { execFile, fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '../../electron/main/embeddedServer';
import { ApiClient } from '../support/server';
import { connectClient, waitFor, type CollabClient } from '../support/collabClient';
import { hasNode24, NODE24, NODE24_INSTALL_HINT } from '../support/node24';
import { openSqliteFile } from '../../src/server/db/sqliteFile';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'out/main/server.js');

function skipWithoutNode24(ctx: TestContext): void {
  if (hasNode24()) return;
  if (process.env.CI && process.platform === 'linux' && process.arch === 'x64') throw new Error(`${NODE24_INSTALL_HINT} (CI must run this test)`);
  ctx.skip(NODE24_INSTALL_HINT);
}

interface Launched { child: ChildProcess; output: () => string }

const run = promisify(execFile);
const launched: Launched[] = [];
const running: EmbeddedServer[] = [];
const clients: CollabClient[] = [];
const folders: string[] = [];

/** This process's environment without what would steer the child: the driver choice is the runtime's, and a nested vitest starts afresh. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'WENGAO_SQLITE_DRIVER' && !key.startsWith('VITEST')));
}

/** The shell's utilityProcess.fork, played by Node's fork with Node 24 as the executable. */
function forkOnNode24(env: Record<string, string>): ChildProcess {
  const inherited = childEnv();
  const child = fork(BUNDLE, [], {
    execPath: NODE24,
    execArgv: [],
    cwd: tmpdir(),
    env: { ...inherited, ...env, WENGAO_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => { printed += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { printed += chunk.toString(); });
  launched.push({ child, output: () => printed });
  return child;
}

async function start(dataDir: string): Promise<EmbeddedServer> {
  const first = launched.length;
  try {
    const server = await startEmbeddedServer({
      fork: forkOnNode24, dataDir, rendererDir: join(ROOT, 'out/renderer'), displayName: '王明', startTimeoutMs: 60_000,
    });
    running.push(server);
    return server;
  } catch (error) {
    const printed = launched.slice(first).map((l) => l.output()).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- the server printed ---\n${printed}`, { cause: error });
  }
}

/** The desktop's auto-login: the renderer hands the shell's per-launch secret to `POST /api/auth/local`. */
async function localLogin(server: EmbeddedServer): Promise<ApiClient> {
  const { token, user } = await new ApiClient(server.url).ok<{ token: string; user: { username: string } }>(
    'POST', '/api/auth/local', { secret: server.secret });
  expect(user.username).toBe('local');
  return new ApiClient(server.url, token);
}

/** Retries `attempt` until it resolves (a server coming back up refuses connections meanwhile). */
async function eventually<T>(attempt: () => Promise<T>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`, { cause: error });
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const wsUrl = (server: EmbeddedServer): string => `${server.url.replace(/^http/, 'ws')}/collab`;
const bodyText = async (api: ApiClient, id: string): Promise<string> =>
  (await api.ok<{ text: string }>('GET', `/api/documents/${id}/content`)).text;

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const { child } of launched.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('the embedded desk server on Electron\'s Node 24, without a rebuild', () => {
  it('starts from out/main/server.js, logs the local user in, keeps a document and its edits across a crash and a restart, and backs the live folder up', async (ctx) => {
    skipWithoutNode24(ctx);
    expect(existsSync(BUNDLE), 'out/main/server.js is missing: run `npm run build` first').toBe(true);
    expect(spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./);
    const dataDir = mkdtempSync(join(tmpdir(), 'wengao-node24-'));
    folders.push(dataDir);

    const server = await start(dataDir);
    const api = await localLogin(server);
    const { id } = await api.ok<{ id: string }>('POST', '/api/documents', {
      title: '关于在本机运行文稿台的说明', kind: 'comprehensive', blocks: [{ type: 'paragraph', text: '种子正文' }],
    });
    const writer = connectClient(wsUrl(server), id, api.token);
    clients.push(writer);
    await writer.synced(20_000);
    writer.type('，协同续写');
    await writer.acknowledged(20_000);
    expect(await bodyText(api, id)).toBe('种子正文，协同续写');

    // A crash right after the acknowledgement: the update log, written before it, keeps the edit.
    const crashed = launched[launched.length - 1].child;
    crashed.kill('SIGKILL');
    await waitFor(() => launched[launched.length - 1].child !== crashed, 30_000, 'the supervisor to restart the server');
    expect(await eventually(() => bodyText(api, id), 60_000, 'the restarted server to answer')).toBe('种子正文，协同续写');
    writer.type('，崩溃之后');
    await writer.acknowledged(30_000);
    writer.destroy();
    clients.splice(clients.indexOf(writer), 1);

    // Quit and start again on the same data folder: a new process, a new secret, the same store.
    await running.splice(0)[0].stop();
    const again = await start(dataDir);
    expect(again.secret).not.toBe(server.secret);
    const api2 = await localLogin(again);
    const { title } = await api2.ok<{ title: string }>('GET', `/api/documents/${id}`);
    expect(title).toBe('关于在本机运行文稿台的说明');
    expect(await bodyText(api2, id)).toBe('种子正文，协同续写，崩溃之后');

    // `npm run backup` on Node 24 (node:sqlite's online backup) while the server runs.
    const out = join(dataDir, '..', `${id}.tar.gz`);
    folders.push(out);
    await run(NODE24, ['--import', 'tsx', 'src/server/cli.ts', 'backup', '--data', dataDir, '--out', out], { cwd: ROOT, env: childEnv() });
    const restoreDir = mkdtempSync(join(tmpdir(), 'wengao-node24-restore-'));
    folders.push(restoreDir);
    await tar.extract({ file: out, cwd: restoreDir });
    const copy = await openSqliteFile(join(restoreDir, 'wengao.db'), { readonly: true });
    try {
      expect(copy.database.prepare('pragma integrity_check').all([])).toEqual([{ integrity_check: 'ok' }]);
      expect(copy.database.prepare('select title from documents where id = ?').all([id]).map((r) => ({ ...(r as object) })))
        .toEqual([{ title: '关于在本机运行文稿台的说明' }]);
    } finally {
      copy.close();
    }

    const printed = launched.map((l) => l.output()).join('\n');
    expect(printed).toMatch(/"driver":"node:sqlite"/);
    expect(printed).not.toMatch(/ExperimentalWarning/);
  }, 180_000);

  it('passes the store\'s SQLite checks (src/server/db/sqliteFile.test.ts) on node:sqlite', async (ctx) => {
    skipWithoutNode24(ctx);
    const { stdout } = await run(NODE24, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'src/server/db/sqliteFile.test.ts', '--reporter=json'], {
      cwd: ROOT, env: { ...childEnv(), WENGAO_SQLITE_DRIVER: 'node' }, maxBuffer: 16 << 20,
    });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { numPassedTests: number; numFailedTests: number; success: boolean };
    expect(report.success).toBe(true);
    expect(report.numFailedTests).toBe(0);
    // The five node:sqlite cases and the driver choice ran (better-sqlite3's are skipped on this Node).
    expect(report.numPassedTests).toBe(6);
  }, 120_000);
});
