/**
 * `npm run restore`: a backup archive back into a new data folder, and for a PostgreSQL backup into
 * an empty database (pg_restore). The manifest's audit head is added to the restored heads file; the
 * audit key, kept apart from backups, is put beside it when given (`--audit-key`) and must be the one
 * that signed the log.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as tar from 'tar';
import { appendHead, AUDIT_HEADS_FILE } from '../audit/auditHeads';
import { AUDIT_KEY_FILE, findAuditKey } from '../audit/auditKey';
import { MANIFEST_FILE, PG_DUMP_FILE, type BackupManifest } from './backupArchive';
import { isEmptyDatabase, restorePostgres } from './postgresTools';

export interface RestoreOptions {
  archive: string;
  /** A new or empty folder. */
  dataDir: string;
  /** The empty database a PostgreSQL backup goes into (WENGAO_DATABASE_URL). */
  postgresUrl?: string;
  /** The audit key file, restored from wherever it was kept. */
  auditKeyFile?: string;
}

export interface RestoreResult { manifest: BackupManifest; keyRestored: boolean }

function readManifest(staging: string): BackupManifest {
  const file = join(staging, MANIFEST_FILE);
  if (!existsSync(file)) throw new Error('not a 文稿台 backup: manifest.json is missing (an archive from before manifests holds wengao.db: unpack it into an empty folder)');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'wengao-desk-backup' || manifest.version !== 1) throw new Error('unknown backup format');
  return manifest;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const dataDir = resolve(options.dataDir);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty: restore into a new folder`);
  mkdirSync(dirname(dataDir), { recursive: true });
  // Unpacked beside the target, so that the finished folder is moved into place in one rename.
  const staging = await mkdtemp(join(dirname(dataDir), '.wengao-restore-'));
  try {
    await tar.extract({ file: options.archive, cwd: staging });
    const manifest = readManifest(staging);
    // The key is checked before anything is written to the database.
    if (options.auditKeyFile) copyFileSync(options.auditKeyFile, join(staging, AUDIT_KEY_FILE));
    const key = options.auditKeyFile ? findAuditKey(staging, {}) : null;
    if (key && manifest.auditKey.keyId && key.id !== manifest.auditKey.keyId) {
      throw new Error(`the audit key given (id ${key.id}) is not the one that signed this log (id ${manifest.auditKey.keyId})`);
    }
    if (manifest.database.dialect === 'postgres') {
      if (!options.postgresUrl) throw new Error('this backup holds a PostgreSQL database: set WENGAO_DATABASE_URL to an empty database to restore it into');
      if (!(await isEmptyDatabase(options.postgresUrl))) throw new Error('the database WENGAO_DATABASE_URL names is not empty: create a new one (createdb)');
      await restorePostgres(options.postgresUrl, join(staging, PG_DUMP_FILE));
      rmSync(join(staging, PG_DUMP_FILE));
    } else if (options.postgresUrl) {
      throw new Error('this backup holds a SQLite database: unset WENGAO_DATABASE_URL to restore it');
    }
    rmSync(join(staging, MANIFEST_FILE));
    const head = manifest.auditHead;
    if (head?.mac) appendHead(join(staging, AUDIT_HEADS_FILE), { seq: head.seq, mac: head.mac, at: new Date().toISOString(), reason: `backup ${manifest.createdAt}` });
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(staging, dataDir);
    return { manifest, keyRestored: key !== null };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
