import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startDeskServer } from './deskServer';
import { backupDataFolder } from './backup';
import { createLogger } from './log';

const USAGE = `usage:
  npm run serve  -- --port 5178 --host 127.0.0.1 --data ./data
  npm run backup -- --data ./data --out backup.tar.gz
environment: WENGAO_ADMIN_PASSWORD (creates user admin on a fresh data folder),
             WENGAO_DATABASE_URL (PostgreSQL instead of SQLite), WENGAO_LOG_LEVEL (info),
             WENGAO_WORKERS (heavy-work threads: cores − 1), WENGAO_WORK_TIMEOUT_MS (30000),
             WENGAO_WORKER_MEMORY_MB (1024)`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string', default: '5178' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './data' },
      out: { type: 'string' },
      renderer: { type: 'string' },
    },
  });
  const log = createLogger();
  if (command === 'serve') {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${values.port}`);
    const server = await startDeskServer({
      port,
      host: values.host,
      dataDir: resolve(values.data),
      postgresUrl: process.env.WENGAO_DATABASE_URL || undefined,
      adminPassword: process.env.WENGAO_ADMIN_PASSWORD || undefined,
      rendererDir: values.renderer,
      logger: log,
    });
    const stop = (signal: string): void => {
      log.info({ signal }, 'stopping');
      server.close().then(() => process.exit(0), (err: unknown) => {
        log.error({ err }, 'could not stop cleanly');
        process.exit(1);
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    return;
  }
  if (command === 'backup') {
    if (!values.out) throw new Error('--out FILE is required');
    const { files } = await backupDataFolder(resolve(values.data), resolve(values.out));
    log.info({ out: resolve(values.out), files }, 'backup written');
    return;
  }
  console.error(USAGE);
  process.exit(2);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
