import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, statSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { EmbeddedServerMessage } from '../../src/server/embedded';
import { sha256Hex } from '../../src/server/digest';

/** The part of a child process the supervisor needs (Electron's UtilityProcess and Node's ChildProcess both fit). */
export interface ServerProcess {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number | null) => void): unknown;
  kill(): unknown;
  /** Present when the process was started with piped output: it goes to the log file. */
  stdout?: NodeJS.ReadableStream | null;
  stderr?: NodeJS.ReadableStream | null;
}

export type ForkServer = (env: Record<string, string>) => ServerProcess;

/** When a crashed server is started again, and when the supervisor stops trying. */
export interface RestartPolicy {
  /** The delay after the first crash; each crash in a row doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A server that ran this long before it crashed starts the delays over. */
  stableAfterMs: number;
  /** This many crashes within `windowMs` stop the restarts until `restart()`. */
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000, maxCrashes: 5, windowMs: 120_000,
};

export type CrashDecision = { restart: true; delayMs: number } | { restart: false; crashes: number };

/** Decides, crash by crash, how long to wait before the next start, or to stop (pure, for tests). */
export class CrashPolicy {
  private recent: number[] = [];
  /** Crashes since the server last ran long enough. */
  private streak = 0;

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY) {}

  /** A crash at `at` (ms) of a server that had run `ranMs`. */
  crashed(at: number, ranMs: number): CrashDecision {
    this.recent = this.recent.filter((t) => at - t < this.policy.windowMs);
    this.recent.push(at);
    if (this.recent.length >= this.policy.maxCrashes) return { restart: false, crashes: this.recent.length };
    if (ranMs >= this.policy.stableAfterMs) this.streak = 0;
    const delayMs = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** this.streak);
    this.streak += 1;
    return { restart: true, delayMs };
  }

  reset(): void {
    this.recent = [];
    this.streak = 0;
  }
}

export interface EmbeddedServerOptions {
  fork: ForkServer;
  dataDir: string;
  rendererDir: string;
  displayName: string;
  /** Where the server's output and the supervisor's own lines go (JSON lines, appended). */
  logFile?: string;
  /** How long to wait for the server to listen. */
  startTimeoutMs?: number;
  restartPolicy?: RestartPolicy;
  /** The server crashed and starts again in `delayMs`. */
  onCrash?: (code: number | null, delayMs: number) => void;
  /** The server crashed `crashes` times in a short while: it stays down until `restart()`. */
  onGaveUp?: (crashes: number) => void;
}

export interface EmbeddedServer {
  url: string;
  /** The per-launch secret that logs the local user in (`POST /api/auth/local`). */
  secret: string;
  /** Starts a server that was given up on, on the same port, with its crash count cleared. */
  restart(): void;
  stop(): Promise<void>;
}

function isServerMessage(value: unknown): value is EmbeddedServerMessage {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/** The log file, appended to; a file past 5 MB is kept as `<file>.1` and a new one begun. */
function openLog(file: string): WriteStream {
  mkdirSync(dirname(file), { recursive: true });
  try {
    if (statSync(file).size > 5 * 1024 * 1024) renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
  return createWriteStream(file, { flags: 'a' });
}

/**
 * Starts the desk server in its own process and keeps it running: a crash restarts it on the same
 * port and data folder (the renderer's providers reconnect by themselves) after a delay that grows
 * with each crash in a row, and a server that keeps crashing is left down (`onGaveUp`) rather than
 * restarted in a loop. The local-login secret is made fresh for each launch; the server process is
 * given only its hash.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const secret = randomBytes(32).toString('base64url');
  const baseEnv = {
    WENGAO_DATA_DIR: options.dataDir,
    WENGAO_RENDERER_DIR: options.rendererDir,
    WENGAO_LOCAL_SECRET_SHA256: sha256Hex(secret),
    WENGAO_LOCAL_NAME: options.displayName,
  };
  const policy = new CrashPolicy(options.restartPolicy);
  const log = options.logFile ? openLog(options.logFile) : null;
  const note = (level: 'warn' | 'error', msg: string, detail: Record<string, unknown>): void => {
    log?.write(`${JSON.stringify({ level: level === 'warn' ? 40 : 50, time: Date.now(), app: 'wengao-desk-shell', ...detail, msg })}\n`);
  };
  let stopping = false;
  let current: ServerProcess | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let url = '';

  const launch = (port: string): Promise<string> => new Promise((resolve, reject) => {
    const child = options.fork({ ...baseEnv, WENGAO_PORT: port });
    const startedAt = Date.now();
    current = child;
    if (log) {
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
    }
    const timer = setTimeout(() => {
      reject(new Error('内置服务器启动超时'));
      child.kill();
    }, options.startTimeoutMs ?? 30_000);
    child.on('message', (message) => {
      if (!isServerMessage(message)) return;
      clearTimeout(timer);
      if (message.type === 'listening') resolve(message.url);
      else reject(new Error(`内置服务器启动失败：${message.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (stopping || current !== child) return;
      current = null;
      reject(new Error(`内置服务器启动失败（退出码 ${code}）`));
      // The first start reports its failure to the caller; later ones count as crashes.
      if (url) crashed(code, Date.now() - startedAt);
    });
  });

  const relaunch = (): void => {
    launch(new URL(url).port).catch(() => undefined);
  };

  function crashed(code: number | null, ranMs: number): void {
    const decision = policy.crashed(Date.now(), ranMs);
    if (!decision.restart) {
      note('error', 'the embedded server keeps crashing: not restarting it', { code, crashes: decision.crashes });
      options.onGaveUp?.(decision.crashes);
      return;
    }
    note('warn', 'the embedded server exited: restarting it', { code, ranMs, delayMs: decision.delayMs });
    options.onCrash?.(code, decision.delayMs);
    retry = setTimeout(() => {
      retry = null;
      if (!stopping) relaunch();
    }, decision.delayMs);
  }

  try {
    url = await launch('0');
  } catch (err) {
    log?.end();
    throw err;
  }
  return {
    url,
    secret,
    restart: () => {
      if (stopping || current) return;
      if (retry) clearTimeout(retry);
      retry = null;
      policy.reset();
      relaunch();
    },
    stop: () => new Promise<void>((resolve) => {
      stopping = true;
      if (retry) clearTimeout(retry);
      const done = (): void => {
        log?.end();
        resolve();
      };
      if (!current) return done();
      current.on('exit', done);
      current.kill();
    }),
  };
}
