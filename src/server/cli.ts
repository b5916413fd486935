import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startDeskServer } from './deskServer';
import { writeBackup } from './backup/backupArchive';
import { restoreBackup } from './backup/backupRestore';
import { createLogger } from './log';
import { startLoopTrace } from './diagnostics/loopTrace';

/** The oldest Node line the team server supports (its dependencies ask for 22 or later; Node 20 ended in April 2026). */
const SUPPORTED_NODE_MAJOR = 22;

const USAGE = `usage:
  npm run serve  -- --port 5178 --host 127.0.0.1 --data ./data
  npm run backup  -- --data ./data --out backup.tar.gz
  npm run restore -- --from backup.tar.gz --data ./new-data [--audit-key audit.key]
  --trust-proxy 127.0.0.1,10.0.0.0/8   the reverse proxies whose X-Forwarded-For names the client
environment: WENGAO_ADMIN_PASSWORD (creates user admin on a fresh data folder),
             WENGAO_DATABASE_URL (PostgreSQL instead of SQLite; for restore: the empty database to fill),
             WENGAO_REDIS_URL (several instances behind a balancer: redis://host:6379; needs WENGAO_DATABASE_URL),
             WENGAO_AUDIT_KEY (the audit key, 64 hex digits, instead of <data>/audit.key),
             WENGAO_AUDIT_NEW_KEY=1 (only when the audit key is lost for good), WENGAO_LOG_LEVEL (info),
             WENGAO_TRUST_PROXY (as --trust-proxy), WENGAO_WORKERS (heavy-work threads: cores − 1),
             WENGAO_WORK_TIMEOUT_MS (30000), WENGAO_WORKER_MEMORY_MB (1024)`;

/** `--trust-proxy` / WENGAO_TRUST_PROXY: comma-separated addresses, CIDR ranges or `loopback`. */
function trustedProxies(value: string | undefined): string[] {
  return (value ?? '').split(',').map((part) => part.trim()).filter(Boolean);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string', default: '5178' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './data' },
      out: { type: 'string' },
      from: { type: 'string' },
      'audit-key': { type: 'string' },
      renderer: { type: 'string' },
      'trust-proxy': { type: 'string' },
    },
  });
  const log = createLogger();
  if (Number(process.versions.node.split('.')[0]) < SUPPORTED_NODE_MAJOR) {
    log.warn({ node: process.versions.node }, `Node ${process.versions.node} is past its end of life and not supported: run the team server on Node 22 or 24`);
  }
  if (command === 'serve') {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${values.port}`);
    const stopTrace = startLoopTrace();
    const server = await startDeskServer({
      port,
      host: values.host,
      dataDir: resolve(values.data),
      postgresUrl: process.env.WENGAO_DATABASE_URL || undefined,
      redisUrl: process.env.WENGAO_REDIS_URL || undefined,
      adminPassword: process.env.WENGAO_ADMIN_PASSWORD || undefined,
      rendererDir: values.renderer,
      trustProxy: trustedProxies(values['trust-proxy'] ?? process.env.WENGAO_TRUST_PROXY),
      logger: log,
    });
    const stop = (signal: string): void => {
      log.info({ signal }, 'stopping');
      stopTrace();
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
    const manifest = await writeBackup({ dataDir: resolve(values.data), out: resolve(values.out), postgresUrl: process.env.WENGAO_DATABASE_URL || undefined });
    log.info({ out: resolve(values.out), database: manifest.database.dialect, files: manifest.files.length, auditHead: manifest.auditHead, auditKeyId: manifest.auditKey.keyId },
      'backup written (the audit key is not in it: keep it backed up separately)');
    return;
  }
  if (command === 'restore') {
    if (!values.from) throw new Error('--from FILE is required');
    const dataDir = resolve(values.data);
    const { manifest, keyRestored } = await restoreBackup({
      archive: resolve(values.from), dataDir, postgresUrl: process.env.WENGAO_DATABASE_URL || undefined,
      auditKeyFile: values['audit-key'] && resolve(values['audit-key']),
    });
    log.info({ dataDir, database: manifest.database.dialect, createdAt: manifest.createdAt, auditHead: manifest.auditHead }, 'backup restored');
    if (!keyRestored && !process.env.WENGAO_AUDIT_KEY && manifest.auditKey.keyId) {
      log.warn({ keyId: manifest.auditKey.keyId, file: `${dataDir}/audit.key` },
        'put the audit key (kept apart from the backups) into the data folder (chmod 600) or set WENGAO_AUDIT_KEY before starting the server');
    }
    return;
  }
  console.error(USAGE);
  process.exit(2);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
