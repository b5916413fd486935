/**
 * Backup and restore of a desk on PostgreSQL: `npm run backup` takes a consistent pg_dump of the
 * running server's database plus the data folder's files, `npm run restore` loads it into a fresh
 * database, and a desk server started on that finds the documents, the evidence and a verifying
 * audit chain. The audit key is not in the archive: it is restored separately.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';
import { startPostgres, type TestPostgres } from '../support/postgres';
import type { AuditVerification } from '../../src/shared/audit';
import type { Outlet } from '../../src/shared/ledger';

const exec = promisify(execFile);
let postgres: TestPostgres | null = null;
let server: RunningServer;
let sourceUrl = '';
let admin: ApiClient;
let alice: ApiClient;
const documents: Record<string, string> = {};
let evidenceId = '';
const EVIDENCE = new TextEncoder().encode('采用通知扫描件');

/** Runs the desk's CLI (`backup`, `restore`) with the given environment. */
async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    cwd: process.cwd(), env: { ...process.env, WENGAO_LOG_LEVEL: 'info', ...env },
  });
  return stdout + stderr;
}

async function archiveEntries(file: string): Promise<string[]> {
  const names: string[] = [];
  await tar.list({ file, onReadEntry: (entry) => { names.push(entry.path); } });
  return names;
}

function existsPostgres(): boolean {
  return existsSync('/usr/lib/postgresql');
}

beforeAll(async () => {
  postgres = await startPostgres();
  if (!postgres) return;
  sourceUrl = await postgres.createDatabase();
  server = await startDeskServer({ env: { WENGAO_DATABASE_URL: sourceUrl } });
  ({ admin, writers: [alice] } = await createWriters(server, 'alice'));
  for (const [title, text] of [['关于做好防汛工作的通知', '各街道、各部门：'], ['社区志愿服务见闻', '志愿者走进社区。']]) {
    ({ id: documents[title] } = await alice.ok<{ id: string }>('POST', '/api/documents', { title, kind: 'comprehensive', blocks: [{ type: 'paragraph', text }] }));
  }
  const { outlets } = await admin.ok<{ outlets: Outlet[] }>('GET', '/api/outlets');
  const { submissions: [row] } = await admin.ok<{ submissions: Array<{ id: string }> }>('POST', '/api/submissions',
    { title: '手工录入的信息', kind: 'info', authors: ['李华'], outletIds: [outlets[0].id], on: '2026-03-02' });
  const form = new FormData();
  form.append('file', new Blob([EVIDENCE], { type: 'text/plain' }), '采用通知.txt');
  const uploaded = await fetch(`${server.url}/api/submissions/${row.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
  expect(uploaded.status).toBeLessThan(300);
  ({ submission: { evidence: [{ id: evidenceId }] } } = await uploaded.json() as { submission: { evidence: Array<{ id: string }> } });
}, 120_000);

afterAll(async () => {
  await server?.dispose();
  await postgres?.stop();
});

describe.skipIf(!existsPostgres() && !process.env.CI)('backup on PostgreSQL', () => {
  it('backs up a running desk with pg_dump, restores it into a fresh database, and the desk starts on it', async () => {
    if (!postgres) throw new Error('PostgreSQL is not installed');
    const out = join(mkdtempSync(join(tmpdir(), 'wengao-pg-backup-')), 'wengao.tar.gz');
    const env = (url: string): Record<string, string> => ({ WENGAO_DATABASE_URL: url });
    const printed = await cli(['backup', '--data', server.dataDir, '--out', out], env(sourceUrl));
    expect(printed).toContain('backup written');

    const names = await archiveEntries(out);
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'wengao.pgdump', 'audit-heads.log', `evidence/${evidenceId}`]));
    expect(names).not.toContain('audit.key');
    expect(names).not.toContain('wengao.db');
    const staging = mkdtempSync(join(tmpdir(), 'wengao-pg-manifest-'));
    await tar.extract({ file: out, cwd: staging }, ['manifest.json']);
    const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as {
      database: { dialect: string; file: string }; auditHead: { seq: number; mac: string }; auditKey: { included: boolean; keyId: string };
    };
    expect(manifest.database).toMatchObject({ dialect: 'postgres', file: 'wengao.pgdump' });
    expect(manifest.auditHead.seq).toBeGreaterThan(5);
    expect(manifest.auditKey).toMatchObject({ included: false, keyId: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown });

    // Writing on after the backup: the copy ends where the dump was taken.
    await alice.ok('POST', '/api/documents', { title: '备份之后的文稿', kind: 'info' });

    const target = await postgres.createDatabase();
    const restoreDir = join(mkdtempSync(join(tmpdir(), 'wengao-pg-restore-')), 'data');
    await cli(['restore', '--from', out, '--data', restoreDir], env(target));
    expect(readFileSync(join(restoreDir, 'evidence', evidenceId))).toEqual(Buffer.from(EVIDENCE));
    expect(existsSync(join(restoreDir, 'wengao.pgdump'))).toBe(false);

    // Without its key the signed log cannot go on: the server says so and does not start.
    await expect(startDeskServer({ dataDir: restoreDir, env: { WENGAO_DATABASE_URL: target } })).rejects.toThrow(/key is missing/);
    copyFileSync(join(server.dataDir, 'audit.key'), join(restoreDir, 'audit.key'));
    const copy = await startDeskServer({ dataDir: restoreDir, env: { WENGAO_DATABASE_URL: target } });
    try {
      const reader = await new ApiClient(copy.url).login('alice', 'alice-pass');
      const listed = await reader.ok<{ documents: Array<{ id: string; title: string }> }>('GET', '/api/documents');
      expect(listed.documents.map((d) => d.title).sort()).toEqual(Object.keys(documents).sort());
      const content = await reader.ok<{ text: string }>('GET', `/api/documents/${documents['关于做好防汛工作的通知']}/content`);
      expect(content.text).toContain('各街道、各部门：');
      const restoredAdmin = await new ApiClient(copy.url).login('admin', ADMIN_PASSWORD);
      const evidence = await fetch(`${copy.url}/api/evidence/${evidenceId}`, { headers: { authorization: `Bearer ${restoredAdmin.token}` } });
      expect(Buffer.from(await evidence.arrayBuffer())).toEqual(Buffer.from(EVIDENCE));
      const verification = await restoredAdmin.ok<AuditVerification>('GET', '/api/audit/verify');
      expect(verification).toMatchObject({ ok: true, signedFrom: 1 });
      expect(verification.entries).toBeGreaterThan(manifest.auditHead.seq);
      expect(verification.heads).toBeGreaterThanOrEqual(2);
      expect(statSync(join(restoreDir, 'audit.key')).mode & 0o077).toBe(0);
    } finally {
      await copy.dispose();
    }
  }, 180_000);

  it('restores only into an empty database, and a PostgreSQL backup only into PostgreSQL', async () => {
    if (!postgres) throw new Error('PostgreSQL is not installed');
    const out = join(mkdtempSync(join(tmpdir(), 'wengao-pg-backup-')), 'wengao.tar.gz');
    await cli(['backup', '--data', server.dataDir, '--out', out], { WENGAO_DATABASE_URL: sourceUrl });
    const dir = (): string => join(mkdtempSync(join(tmpdir(), 'wengao-pg-restore-')), 'data');
    await expect(cli(['restore', '--from', out, '--data', dir()], { WENGAO_DATABASE_URL: '' })).rejects.toThrow(/WENGAO_DATABASE_URL/);
    await expect(cli(['restore', '--from', out, '--data', dir()], { WENGAO_DATABASE_URL: sourceUrl })).rejects.toThrow(/not empty/);
  }, 120_000);
});
