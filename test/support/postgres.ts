/**
 * A private PostgreSQL server for tests: Debian's binaries, a fresh cluster in a temporary folder,
 * 127.0.0.1 on a free port, run as the `postgres` user (initdb refuses root). Null when PostgreSQL
 * is not installed.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server';

export interface TestPostgres {
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function binaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort().reverse().find((v) => existsSync(join(root, v, 'bin/initdb')));
  return version ? join(root, version, 'bin') : null;
}

export async function startPostgres(): Promise<TestPostgres | null> {
  const bin = binaries();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'wengao-pg-'));
  const asRoot = userInfo().uid === 0;
  const run = (command: string, args: string[]): void => {
    const quoted = [join(bin, command), ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    if (asRoot) execFileSync('su', ['postgres', '-c', quoted], { stdio: 'pipe' });
    else execFileSync(join(bin, command), args, { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let count = 0;
  return {
    createDatabase: async () => {
      const name = `wengao_test_${++count}`;
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    stop: async () => {
      try {
        run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
