import { existsSync } from 'node:fs';
import type { SqliteDatabase } from 'kysely';
import { loadNodeSqlite, NodeSqliteDatabase } from './nodeSqlite';

/**
 * The SQLite binding under the store. `node:sqlite` is built into Node 22.16+/24 and so into
 * Electron's Node: the embedded server needs no native module built for Electron's ABI.
 * better-sqlite3 (a native module built by `npm install` for the Node that ran it) serves Node 20.
 */
export type SqliteDriver = 'node:sqlite' | 'better-sqlite3';

/** An open SQLite file behind either driver. */
export interface SqliteFile {
  readonly driver: SqliteDriver;
  /** What Kysely's SqliteDialect takes: better-sqlite3's prepare/close semantics. */
  readonly database: SqliteDatabase;
  /** Runs SQL without results (pragmas, DDL). */
  exec(sql: string): void;
  /** Writes a consistent copy of the database to `destination` with SQLite's online backup API; writers go on meanwhile. */
  backup(destination: string): Promise<void>;
  close(): void;
}

export interface SqliteOpenOptions {
  /** Opens an existing file read-only (a missing file is an error, never a new empty database). */
  readonly?: boolean;
  /** Default: {@link chooseSqliteDriver}. */
  driver?: SqliteDriver;
}

/**
 * node:sqlite where this Node has it, better-sqlite3 where it does not. WENGAO_SQLITE_DRIVER=node or
 * =better-sqlite3 forces one (tests, or a team server that prefers the other); forcing node:sqlite
 * on a Node without it is an error, never a silent fallback.
 */
export function chooseSqliteDriver(env: NodeJS.ProcessEnv = process.env): SqliteDriver {
  const wanted = env.WENGAO_SQLITE_DRIVER;
  if (wanted === 'better-sqlite3') return 'better-sqlite3';
  if (wanted === 'node' || wanted === 'node:sqlite') {
    if (!loadNodeSqlite()) throw new Error(`WENGAO_SQLITE_DRIVER=${wanted}: Node ${process.versions.node} has no usable node:sqlite (22.16 or later needed)`);
    return 'node:sqlite';
  }
  if (wanted) throw new Error(`WENGAO_SQLITE_DRIVER must be node or better-sqlite3, not ${wanted}`);
  return loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
}

/** Opens (or creates, unless `readonly`) the SQLite file at `path` with the chosen driver. */
export async function openSqliteFile(path: string, options: SqliteOpenOptions = {}): Promise<SqliteFile> {
  const readonly = options.readonly ?? false;
  const driver = options.driver ?? chooseSqliteDriver();
  return driver === 'node:sqlite' ? openWithNodeSqlite(path, readonly) : openWithBetterSqlite(path, readonly);
}

function openWithNodeSqlite(path: string, readonly: boolean): SqliteFile {
  const sqlite = loadNodeSqlite();
  if (!sqlite) throw new Error(`Node ${process.versions.node} has no usable node:sqlite`);
  if (readonly && !existsSync(path)) throw new Error(`${path}: no such database`);
  const database = new NodeSqliteDatabase(new sqlite.DatabaseSync(path, { readOnly: readonly }));
  return {
    driver: 'node:sqlite',
    database,
    exec: (sql) => database.connection.exec(sql),
    backup: async (destination) => { await sqlite.backup(database.connection, destination); },
    close: () => database.close(),
  };
}

async function openWithBetterSqlite(path: string, readonly: boolean): Promise<SqliteFile> {
  // Imported only when chosen: on a Node of another ABI (Electron's) loading it would throw.
  const { default: BetterSqlite } = await import('better-sqlite3');
  const connection = new BetterSqlite(path, { readonly, fileMustExist: readonly });
  return {
    driver: 'better-sqlite3',
    database: connection,
    exec: (sql) => { connection.exec(sql); },
    backup: async (destination) => { await connection.backup(destination); },
    close: () => connection.close(),
  };
}
