import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { migrationsFor } from './migrations';

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
  close(): Promise<void>;
}

export const SQLITE_FILE = 'wengao.db';

/**
 * Opens the relational store and brings its schema up to date. Kysely is the one typed query layer
 * over both dialects; better-sqlite3 runs SQLite in WAL mode so a backup can read while we write.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DeskDatabase> {
  const dialect: Dialect = config.postgresUrl ? 'postgres' : 'sqlite';
  const db = new Kysely<Database>({
    dialect: config.postgresUrl
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: config.postgresUrl, max: 10 }) })
      : new SqliteDialect({ database: openSqlite(config.dataDir) }),
  });
  const migrator = new Migrator({ db, provider: migrationsFor(dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, dialect, close: () => db.destroy() };
}

function openSqlite(dataDir: string): SQLite.Database {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(join(dataDir, SQLITE_FILE));
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives a power cut, not only a process kill.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
