import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';
import { migrationsFor } from './migrations';
import { tracedSqlite } from '../diagnostics/loopTrace';
import { openSqliteFile, type SqliteDriver, type SqliteFile } from './sqliteFile';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** SQLite (default): a file `wengao.db` in the data folder. */
  dataDir: string;
  /** PostgreSQL instead, e.g. postgres://user:pass@host/db (WENGAO_DATABASE_URL). */
  postgresUrl?: string;
}

export interface DeskDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The binding under Kysely: node:sqlite or better-sqlite3 for SQLite, pg for PostgreSQL. */
  driver: SqliteDriver | 'pg';
  close(): Promise<void>;
}

export const SQLITE_FILE = 'wengao.db';

/**
 * Opens the relational store and brings its schema up to date. Kysely is the one typed query layer
 * over both dialects and both SQLite drivers (node:sqlite or better-sqlite3, `sqliteFile.ts`); SQLite
 * runs in WAL mode so a backup can read while we write.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DeskDatabase> {
  const dialect: Dialect = config.postgresUrl ? 'postgres' : 'sqlite';
  const sqlite = config.postgresUrl ? null : await openSqlite(config.dataDir);
  const db = new Kysely<Database>({
    dialect: sqlite
      ? new SqliteDialect({ database: tracedSqlite(immediateTransactions(sqlite.database)) })
      : new PostgresDialect({ pool: new pg.Pool({ connectionString: config.postgresUrl, max: 10 }) }),
  });
  const migrator = new Migrator({ db, provider: migrationsFor(dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, dialect, driver: sqlite?.driver ?? 'pg', close: () => db.destroy() };
}

async function openSqlite(dataDir: string): Promise<SqliteFile> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = await openSqliteFile(join(dataDir, SQLITE_FILE));
  sqlite.exec('PRAGMA journal_mode = WAL');
  // FULL: a committed transaction survives a power cut, not only a process kill.
  sqlite.exec('PRAGMA synchronous = FULL');
  sqlite.exec('PRAGMA foreign_keys = ON');
  sqlite.exec('PRAGMA busy_timeout = 5000');
  return sqlite;
}

/**
 * Kysely begins SQLite transactions DEFERRED. The update-log thread (collab/logWriter.ts) writes the
 * same file from its own connection, so a transaction here that read and then wrote failed with
 * SQLITE_BUSY ("database is locked") whenever the thread committed in between: its read snapshot was
 * outdated, and no busy wait helps. IMMEDIATE takes the write lock at BEGIN, waiting (busy_timeout)
 * for the thread's commit in progress instead; readers outside transactions are not affected.
 */
function immediateTransactions(database: SqliteDatabase): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare: (text: string) => database.prepare(/^\s*begin\s*$/i.test(text) ? 'begin immediate' : text),
  };
}
