import { randomBytes, createHash } from 'node:crypto';
import type { EmbeddedServerMessage } from '../../src/server/embedded';

/** The part of a child process the supervisor needs (Electron's UtilityProcess and Node's ChildProcess both fit). */
export interface ServerProcess {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number | null) => void): unknown;
  kill(): unknown;
}

export type ForkServer = (env: Record<string, string>) => ServerProcess;

export interface EmbeddedServerOptions {
  fork: ForkServer;
  dataDir: string;
  rendererDir: string;
  displayName: string;
  /** How long to wait for the server to listen. */
  startTimeoutMs?: number;
  onCrash?: (code: number | null) => void;
}

export interface EmbeddedServer {
  url: string;
  /** The per-launch secret that logs the local user in (`POST /api/auth/local`). */
  secret: string;
  stop(): Promise<void>;
}

function isServerMessage(value: unknown): value is EmbeddedServerMessage {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/**
 * Starts the desk server in its own process and keeps it running: a crash restarts it on the same
 * port and data folder (the renderer's providers reconnect by themselves). The local-login secret is
 * made fresh for each launch; the server process is given only its hash.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const secret = randomBytes(32).toString('base64url');
  const baseEnv = {
    WENGAO_DATA_DIR: options.dataDir,
    WENGAO_RENDERER_DIR: options.rendererDir,
    WENGAO_LOCAL_SECRET_SHA256: createHash('sha256').update(secret).digest('hex'),
    WENGAO_LOCAL_NAME: options.displayName,
  };
  let stopping = false;
  let current: ServerProcess | null = null;
  let url = '';

  const launch = (port: string): Promise<string> => new Promise((resolve, reject) => {
    const child = options.fork({ ...baseEnv, WENGAO_PORT: port });
    current = child;
    const timer = setTimeout(() => reject(new Error('内置服务器启动超时')), options.startTimeoutMs ?? 30_000);
    child.on('message', (message) => {
      if (!isServerMessage(message)) return;
      clearTimeout(timer);
      if (message.type === 'listening') resolve(message.url);
      else reject(new Error(`内置服务器启动失败：${message.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (stopping || current !== child) return;
      if (!url) {
        reject(new Error(`内置服务器启动失败（退出码 ${code}）`));
        return;
      }
      options.onCrash?.(code);
      // Restart where the renderer expects it.
      launch(new URL(url).port).catch(() => undefined);
    });
  });

  url = await launch('0');
  return {
    url,
    secret,
    stop: () => new Promise<void>((resolve) => {
      stopping = true;
      if (!current) return resolve();
      current.on('exit', () => resolve());
      current.kill();
    }),
  };
}
