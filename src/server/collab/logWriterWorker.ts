/**
 * Entry of the update-log writer thread (built as out/main/logWriterWorker.js beside server.js): its
 * own connection to the SQLite file, so the commit and its fsync block this thread, never the
 * server's event loop. A message is a group-commit batch (every update in one transaction, answered
 * with the new rows' ids in order), a compaction (the snapshot replaced and the log folded into it),
 * or one write statement of derived rows (the search text, the change time of edited bodies); each is
 * committed whole, or answered with the error and nothing stored.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteFile, type SqliteDriver } from '../db/sqliteFile';
import type { LogMessage, LogReply } from './logWriter';

const port = parentPort;
if (!port) throw new Error('logWriterWorker.ts runs only as a worker thread');
const { path, driver } = workerData as { path: string; driver: SqliteDriver };

const sqlite = await openSqliteFile(path, { driver });
// The same durability as the server's own connection (database.ts): a commit survives a power cut.
sqlite.exec('PRAGMA synchronous = FULL');
sqlite.exec('PRAGMA busy_timeout = 5000');
const insert = sqlite.database.prepare('INSERT INTO doc_updates (name, data, created_at) VALUES (?, ?, ?)');
const upsertSnapshot = sqlite.database.prepare(
  'INSERT INTO doc_snapshots (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
);
const dropLogged = sqlite.database.prepare('DELETE FROM doc_updates WHERE name = ? AND id <= ?');

const statements = new Map<string, ReturnType<typeof sqlite.database.prepare>>();
/** The prepared statement of `sql`, kept (the few write statements sent here repeat). */
function statement(sql: string): ReturnType<typeof sqlite.database.prepare> {
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = sqlite.database.prepare(sql);
    if (statements.size < 64) statements.set(sql, prepared);
  }
  return prepared;
}

/** Runs `write` in one transaction: committed whole, or rolled back and rethrown. */
function inTransaction<T>(write: () => T): T {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = write();
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw error;
  }
}

port.on('message', (message: LogMessage) => {
  let reply: LogReply;
  try {
    const now = new Date().toISOString();
    if (message.kind === 'append') {
      reply = { id: message.id, ids: inTransaction(() => message.entries.map(({ name, update }) => Number(insert.run([name, update, now]).lastInsertRowid))) };
    } else if (message.kind === 'sql') {
      statement(message.sql).run(message.parameters);
      reply = { id: message.id, ids: [] };
    } else {
      // YjsStore.compact's contract: the snapshot replaced and the log folded into it, atomically.
      inTransaction(() => {
        upsertSnapshot.run([message.name, message.state, now]);
        if (message.throughId > 0) dropLogged.run([message.name, message.throughId]);
      });
      reply = { id: message.id, ids: [] };
    }
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
