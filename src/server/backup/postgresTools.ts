/**
 * pg_dump and pg_restore for the backup: Debian's client tools (`WENGAO_PG_BIN` names their folder
 * when they are elsewhere), the password passed in the environment rather than on the command line
 * where `ps` shows it, and a dump taken in a snapshot the caller also reads the audit head from.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const exec = promisify(execFile);

/** The newest installed copy of a client tool: `WENGAO_PG_BIN`, the PATH (Debian's wrapper), or /usr/lib/postgresql/N/bin. */
function tool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.WENGAO_PG_BIN) return join(process.env.WENGAO_PG_BIN, name);
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, name)).find((file) => existsSync(file));
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)).find((v) => existsSync(join(root, v, 'bin', name))) : undefined;
  if (!version) throw new Error(`${name} not found: install PostgreSQL's client tools (Debian: postgresql-client) or set WENGAO_PG_BIN`);
  return join(root, version, 'bin', name);
}

/** The connection for a client tool: the URL without its password, which goes in PGPASSWORD. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  try {
    const parsed = new URL(url);
    const password = decodeURIComponent(parsed.password);
    parsed.password = '';
    return { dbname: parsed.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } };
  } catch {
    return { dbname: url, env: process.env };
  }
}

async function run(name: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const { dbname, env } = connection(url);
  try {
    await exec(tool(name), [...args, `--dbname=${dbname}`], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const stderr = typeof err === 'object' && err !== null && 'stderr' in err ? String(err.stderr).trim() : '';
    throw new Error(`${name} failed${stderr ? `: ${stderr}` : ''}`, { cause: err });
  }
}

export async function pgDumpVersion(): Promise<string> {
  return (await exec(tool('pg_dump'), ['--version'])).stdout.trim();
}

/**
 * Dumps the database (custom format) from one exported snapshot and, in the same snapshot, runs
 * `read` (the audit head for the manifest), so the two agree exactly however the server writes meanwhile.
 */
export async function dumpPostgres<T>(url: string, file: string, read: (client: pg.Client) => Promise<T>): Promise<{ read: T; serverVersion: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows: [{ snapshot }] } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
    const { rows: [{ server_version: serverVersion }] } = await client.query<{ server_version: string }>('show server_version');
    const value = await read(client);
    await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`], url);
    await client.query('commit');
    return { read: value, serverVersion };
  } finally {
    await client.end();
  }
}

/** True when the database has no tables of its own (a fresh `createdb`). */
export async function isEmptyDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [{ n }] } = await client.query<{ n: string }>(
      "select count(*) as n from pg_catalog.pg_tables where schemaname not in ('pg_catalog', 'information_schema')");
    return Number(n) === 0;
  } finally {
    await client.end();
  }
}

/** Loads a custom-format dump into an empty database in one transaction, owned by the restoring role. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', file], url);
}
