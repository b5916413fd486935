import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { DatabaseSync, SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';

type NodeSqliteModule = typeof import('node:sqlite');

/**
 * Node's built-in SQLite when this runtime has everything the store uses (`StatementSync#columns`
 * and `backup`: Node 22.16+, 23.11+, 24 — Electron 41 carries 24), else undefined (Node 20).
 * Node 22 and 24 before 24.15 print an ExperimentalWarning when it loads; that warning, and only
 * that one, is held back: the module needs no flag there and the server's output stays its own.
 */
export function loadNodeSqlite(): NodeSqliteModule | undefined {
  // Node before 20.16 has no getBuiltinModule; a runtime without node:sqlite returns undefined.
  if (typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule !== 'function') return undefined;
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]): void => {
    if (isSqliteExperimentalWarning(warning, rest[0])) return;
    Reflect.apply(emitWarning, process, [warning, ...rest]);
  }) as typeof process.emitWarning;
  let sqlite: NodeSqliteModule | undefined;
  try {
    sqlite = process.getBuiltinModule('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
  if (!sqlite || typeof sqlite.backup !== 'function' || typeof sqlite.StatementSync?.prototype.columns !== 'function') return undefined;
  return sqlite;
}

function isSqliteExperimentalWarning(warning: string | Error, typeOrOptions: unknown): boolean {
  const type = warning instanceof Error ? warning.name
    : typeof typeOrOptions === 'string' ? typeOrOptions
      : (typeOrOptions as { type?: unknown } | undefined)?.type;
  const message = warning instanceof Error ? warning.message : String(warning);
  return type === 'ExperimentalWarning' && message.startsWith('SQLite is an experimental feature');
}

/**
 * A node:sqlite connection with better-sqlite3's `prepare`/`close` semantics, the shape Kysely's
 * SqliteDialect drives: one schema and one query layer over both drivers.
 */
export class NodeSqliteDatabase implements SqliteDatabase {
  constructor(readonly connection: DatabaseSync) {}

  prepare(sql: string): SqliteStatement {
    return new NodeSqliteStatement(this.connection.prepare(sql));
  }

  /** Closing twice is harmless, as with better-sqlite3 (Kysely's destroy and our own close may both run). */
  close(): void {
    if (this.connection.isOpen) this.connection.close();
  }
}

class NodeSqliteStatement implements SqliteStatement {
  /** better-sqlite3's `reader`: the statement returns columns (a SELECT, a pragma, an INSERT … RETURNING). */
  readonly reader: boolean;

  constructor(private readonly statement: StatementSync) {
    this.reader = statement.columns().length > 0;
  }

  // better-sqlite3 takes the parameters as one array; node:sqlite takes them spread.
  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.statement.all(...(parameters as SQLInputValue[])).map(withBuffers);
  }

  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint } {
    const { changes, lastInsertRowid } = this.statement.run(...(parameters as SQLInputValue[]));
    return { changes, lastInsertRowid };
  }

  *iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    for (const row of this.statement.iterate(...(parameters as SQLInputValue[]))) yield withBuffers(row);
  }
}

/**
 * BLOBs come back as Buffers, as better-sqlite3 gives them, so the stores see the same values under
 * either driver (node:sqlite gives a Uint8Array over a fresh copy, which the Buffer shares).
 */
function withBuffers(row: Record<string, SQLOutputValue>): Record<string, SQLOutputValue> {
  for (const key in row) {
    const value = row[key];
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return row;
}
