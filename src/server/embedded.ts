/**
 * Entry of the desk server embedded in the desktop app. Electron's main process starts it as a
 * utility process (Node's `fork` in tests), so a crash here does not take the window down. It listens
 * on 127.0.0.1 on a free port and reports `{type: 'listening', url}` (or `{type: 'failed', message}`)
 * to its parent. Configuration comes from the environment the parent sets:
 * WENGAO_DATA_DIR, WENGAO_RENDERER_DIR, WENGAO_LOCAL_SECRET_SHA256, WENGAO_LOCAL_NAME.
 */
import { startDeskServer } from './deskServer';
import { createLogger } from './log';

export type EmbeddedServerMessage = { type: 'listening'; url: string } | { type: 'failed'; message: string };

interface ParentPort { postMessage(message: unknown): void }

function tellParent(message: EmbeddedServerMessage): void {
  const electronPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (electronPort) electronPort.postMessage(message);
  else process.send?.(message);
}

async function main(): Promise<void> {
  const dataDir = process.env.WENGAO_DATA_DIR;
  const secretHash = process.env.WENGAO_LOCAL_SECRET_SHA256;
  if (!dataDir || !secretHash) throw new Error('WENGAO_DATA_DIR and WENGAO_LOCAL_SECRET_SHA256 are required');
  const log = createLogger();
  const server = await startDeskServer({
    port: Number(process.env.WENGAO_PORT ?? 0),
    host: '127.0.0.1',
    dataDir,
    rendererDir: process.env.WENGAO_RENDERER_DIR,
    logger: log,
    localLogin: { secretHash, displayName: process.env.WENGAO_LOCAL_NAME || '本机用户' },
  });
  const stop = (): void => { server.close().finally(() => process.exit(0)); };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  tellParent({ type: 'listening', url: server.url });
}

main().catch((err: unknown) => {
  tellParent({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
