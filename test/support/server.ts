/**
 * Runs the real desk server (`src/server/cli.ts serve`) as a child process for tests: a real SQLite
 * file in a fresh data folder, 127.0.0.1, a free port that survives restarts, SIGTERM or SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hasNode24, NODE24 } from './node24';

export const ADMIN_PASSWORD = 'admin-pass-2023';
const ROOT = resolve(import.meta.dirname, '../..');
/**
 * The Node that runs the server processes: WENGAO_TEST_SERVER_NODE, else Node 24 where test/node24 has
 * it (a supported runtime, so CI tests the server there, on node:sqlite, even when the test runner is
 * on Node 20), else this Node. The tests themselves stay on the Node that built better-sqlite3.
 */
export const SERVER_NODE = process.env.WENGAO_TEST_SERVER_NODE || (hasNode24() ? NODE24 : process.execPath);

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  /** Stops the process (SIGTERM waits for its clean exit; SIGKILL does not let it finish anything). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops it and removes the data folder. */
  dispose(): Promise<void>;
  /** Everything the process printed so far. */
  output(): string;
  /** The server process's id while it runs. */
  pid(): number | undefined;
}

export interface StartOptions { dataDir?: string; env?: Record<string, string>; port?: number }

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export async function startDeskServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wengao-test-'));
  const port = options.port ?? await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let printed = '';

  const launch = async (): Promise<void> => {
    child = spawn(SERVER_NODE, ['--import', 'tsx', 'src/server/cli.ts', 'serve',
      '--port', String(port), '--host', '127.0.0.1', '--data', dataDir], {
      cwd: ROOT,
      env: { ...process.env, WENGAO_ADMIN_PASSWORD: ADMIN_PASSWORD, WENGAO_LOG_LEVEL: 'warn', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => { printed += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { printed += chunk.toString(); });
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      if (child.exitCode !== null) throw new Error(`desk server exited with ${child.exitCode}:\n${printed}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`desk server did not start in 30 s:\n${printed}`);
  };

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((r) => running.once('exit', () => r()));
    running.kill(signal);
    await exited;
  };

  await launch();
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    dataDir,
    stop,
    restart: async () => { await stop(); await launch(); },
    dispose: async () => { await stop(); if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true }); },
    output: () => printed,
    pid: () => (child as ChildProcess | null)?.pid,
  };
}

/** A small typed client of the HTTP API for tests. */
export class ApiClient {
  constructor(readonly baseUrl: string, public token = '') {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(this.token && { authorization: `Bearer ${this.token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: result } = await this.request<T>(method, path, body);
    if (status >= 300) throw new Error(`${method} ${path} → ${status} ${JSON.stringify(result)}`);
    return result;
  }

  async login(username: string, password: string): Promise<this> {
    const { token } = await this.ok<{ token: string }>('POST', '/api/auth/login', { username, password });
    this.token = token;
    return this;
  }
}

/** Logs in as admin, creates the named writers (password `${username}-pass`), returns their clients. */
export async function createWriters(server: RunningServer, ...usernames: string[]): Promise<{ admin: ApiClient; writers: ApiClient[]; ids: string[] }> {
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  const writers: ApiClient[] = [];
  const ids: string[] = [];
  for (const username of usernames) {
    const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', {
      username, password: `${username}-pass`, displayName: username, roles: ['writer'],
    });
    ids.push(user.id);
    writers.push(await new ApiClient(server.url).login(username, `${username}-pass`));
  }
  return { admin, writers, ids };
}
