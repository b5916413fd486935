import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { SQLITE_FILE } from './db/database';
import { openSqliteFile } from './db/sqliteFile';

/** Files SQLite keeps beside the database while it runs; the backup API covers their content. */
const LIVE_DB_FILES = new Set([SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`, `${SQLITE_FILE}-journal`]);

/**
 * Writes a consistent copy of a data folder, while the server may be running, as a .tar.gz: the
 * database through SQLite's online backup API (a single point-in-time copy, concurrent writes go on),
 * every other file of the folder as it is.
 */
export async function backupDataFolder(dataDir: string, outFile: string): Promise<{ files: number }> {
  const staging = await mkdtemp(join(tmpdir(), 'wengao-backup-'));
  try {
    const source = await openSqliteFile(join(dataDir, SQLITE_FILE), { readonly: true });
    try {
      await source.backup(join(staging, SQLITE_FILE));
    } finally {
      source.close();
    }
    for (const entry of await readdir(dataDir)) {
      if (!LIVE_DB_FILES.has(entry)) await cp(join(dataDir, entry), join(staging, entry), { recursive: true });
    }
    const files = await readdir(staging);
    await tar.create({ gzip: true, file: outFile, cwd: staging, portable: true }, files);
    return { files: files.length };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
