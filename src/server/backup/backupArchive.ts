/**
 * `npm run backup`: a consistent copy of a desk, while it runs, as a .tar.gz with a manifest. The
 * database is SQLite's online backup (`wengao.db`) or, with WENGAO_DATABASE_URL, a pg_dump in custom
 * format (`wengao.pgdump`); beside it the data folder's files (evidence uploads, the audit heads). The
 * audit key is left out on purpose: whoever holds both the data and the key could rewrite the log and
 * sign it again, so the key is backed up once, separately.
 */
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { openSqliteFile } from '../db/sqliteFile';
import { SQLITE_FILE } from '../db/database';
import { AUDIT_HEADS_FILE } from '../audit/auditHeads';
import { AUDIT_KEY_FILE, findAuditKey } from '../audit/auditKey';
import { dumpPostgres, pgDumpVersion } from './postgresTools';

export const MANIFEST_FILE = 'manifest.json';
export const PG_DUMP_FILE = 'wengao.pgdump';

/** The last audit entry the copied database holds: a chain head kept outside the database. */
export interface BackupAuditHead { seq: number; hash: string; mac: string | null; at: string }

export interface BackupManifest {
  format: 'wengao-desk-backup';
  version: 1;
  createdAt: string;
  database:
    | { dialect: 'sqlite'; file: typeof SQLITE_FILE }
    | { dialect: 'postgres'; file: typeof PG_DUMP_FILE; format: 'pg_dump custom'; serverVersion: string; pgDump: string };
  auditHead: BackupAuditHead | null;
  /** Never included; `keyId` names the key that signs the log, to check the one restored beside it. */
  auditKey: { included: false; keyId: string | null };
  files: string[];
}

/** Files SQLite keeps beside the database while it runs; the backup API covers their content. */
const LIVE_DB_FILES = new Set([SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`, `${SQLITE_FILE}-journal`]);
/** Not copied from the folder: the live database, the key, and what the backup writes itself. */
const LEFT_OUT = new Set([...LIVE_DB_FILES, AUDIT_KEY_FILE, AUDIT_HEADS_FILE, MANIFEST_FILE, PG_DUMP_FILE]);

interface HeadRow { id: number | string; hash: string; mac: string | null; at: string }
const headOf = (row: HeadRow | undefined): BackupAuditHead | null =>
  (row ? { seq: Number(row.id), hash: row.hash, mac: row.mac, at: row.at } : null);

async function copySqlite(dataDir: string, staging: string): Promise<BackupAuditHead | null> {
  const source = await openSqliteFile(join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    await source.backup(join(staging, SQLITE_FILE));
  } finally {
    source.close();
  }
  const copy = await openSqliteFile(join(staging, SQLITE_FILE), { readonly: true });
  try {
    const [row] = copy.database.prepare('select id, hash, mac, at from audit_log order by id desc limit 1').all([]);
    return headOf(row as HeadRow | undefined);
  } finally {
    copy.close();
  }
}

/**
 * Writes the backup of a data folder (and its PostgreSQL database when `postgresUrl` is given). The
 * heads file is copied first and the other files last, so the archive's heads never name an entry
 * its database lacks, and every evidence file its database names is there.
 */
export async function writeBackup(options: { dataDir: string; out: string; postgresUrl?: string }): Promise<BackupManifest> {
  const { dataDir, out, postgresUrl } = options;
  const staging = await mkdtemp(join(tmpdir(), 'wengao-backup-'));
  try {
    if (existsSync(join(dataDir, AUDIT_HEADS_FILE))) await cp(join(dataDir, AUDIT_HEADS_FILE), join(staging, AUDIT_HEADS_FILE));
    let database: BackupManifest['database'];
    let auditHead: BackupAuditHead | null;
    if (postgresUrl) {
      const dumped = await dumpPostgres(postgresUrl, join(staging, PG_DUMP_FILE), async (client) => {
        const { rows: [exists] } = await client.query<{ t: string | null }>("select to_regclass('audit_log')::text as t");
        if (!exists?.t) return null;
        return headOf((await client.query<HeadRow>('select id, hash, mac, at from audit_log order by id desc limit 1')).rows[0]);
      });
      auditHead = dumped.read;
      database = { dialect: 'postgres', file: PG_DUMP_FILE, format: 'pg_dump custom', serverVersion: dumped.serverVersion, pgDump: await pgDumpVersion() };
    } else {
      auditHead = await copySqlite(dataDir, staging);
      database = { dialect: 'sqlite', file: SQLITE_FILE };
    }
    for (const entry of existsSync(dataDir) ? await readdir(dataDir) : []) {
      if (!LEFT_OUT.has(entry)) await cp(join(dataDir, entry), join(staging, entry), { recursive: true });
    }
    const manifest: BackupManifest = {
      format: 'wengao-desk-backup', version: 1, createdAt: new Date().toISOString(), database, auditHead,
      auditKey: { included: false, keyId: findAuditKey(dataDir)?.id ?? null },
      files: (await readdir(staging, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(staging.length + 1)).sort(),
    };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await tar.create({ gzip: true, file: out, cwd: staging, portable: true }, await readdir(staging));
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
