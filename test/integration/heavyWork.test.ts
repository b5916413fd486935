/**
 * Hostile and heavy uploads through the real server (issue 12): a zip bomb .docx or .xlsx is refused
 * while it inflates, before mammoth or exceljs sees it, and the server's memory stays where it was; a
 * .docx of 60,000 paragraphs is refused, and a large import runs in the worker pool while
 * `/api/health` keeps answering; a task past its time limit is stopped and the server carries on; the
 * audit log's .xlsx export of many entries is built in the worker pool.
 */
import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { findAuditKey } from '../../src/server/audit/auditKey';
import { entryHash, entryMac } from '../../src/server/audit/auditChain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombDocx, bombXlsx, paragraphsDocx } from '../support/officeZips';
import { ADMIN_PASSWORD, ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';
import { expectResponsive, healthWhile } from '../support/health';

interface Upload { status: number; body: { id?: string; error?: { code: string; message: string } } }

async function upload(client: ApiClient, path: string, bytes: Uint8Array, name: string): Promise<Upload> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${client.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  return { status: response.status, body: await response.json() as Upload['body'] };
}

/** Resident and peak resident memory of a process, in MB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const documentCount = async (client: ApiClient): Promise<number> =>
  (await client.ok<{ documents: unknown[] }>('GET', '/api/documents')).documents.length;

describe('limits on what an upload may inflate to', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startDeskServer();
    ({ admin, writers: [alice] } = await createWriters(server, 'alice'));
  });
  afterAll(() => server.dispose());

  it('refuses a .docx that inflates to 300 MB (zip bomb) with 413, creates nothing, and the server’s memory stays put', async () => {
    const bomb = await bombDocx(300);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const pid = server.pid() as number;
    const before = memoryOf(pid);
    const documents = await documentCount(alice);

    const { latencies, result } = await healthWhile(server, upload(alice, '/api/import', bomb, '炸弹.docx'));
    expect(result.status).toBe(413);
    expect(result.body.error?.code).toBe('payload_too_large');
    expect(result.body.error?.message).toMatch(/解压后过大.*64 MB/);
    expect(await documentCount(alice)).toBe(documents);
    expectResponsive(latencies);
    // Inflating 300 MB into memory, let alone parsing it, would add hundreds of MB (1.37 GB was seen).
    const after = memoryOf(pid);
    console.log(`zip bomb .docx (${bomb.length} bytes): server RSS ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} MB, peak ${before.peak.toFixed(0)} → ${after.peak.toFixed(0)} MB`);
    expect(after.peak - before.peak).toBeLessThan(150);
  }, 120_000);

  it('refuses an .xlsx bomb to the ledger import with 413 and imports nothing', async () => {
    const bomb = await bombXlsx(100);
    const pid = server.pid() as number;
    const before = memoryOf(pid);
    const result = await upload(admin, '/api/ledger/import', bomb, '台账.xlsx');
    expect(result.status).toBe(413);
    expect(result.body.error?.message).toMatch(/解压后过大.*64 MB/);
    expect((await admin.ok<{ submissions: unknown[] }>('GET', '/api/submissions')).submissions).toEqual([]);
    expect(memoryOf(pid).peak - before.peak).toBeLessThan(150);
  }, 120_000);

  it('refuses a 7 KB .docx of 60,000 paragraphs with a clear 413 while /api/health keeps answering', async () => {
    const file = await paragraphsDocx(60_000);
    expect(file.length).toBeLessThan(20 * 1024);
    const documents = await documentCount(alice);
    const { latencies, result } = await healthWhile(server, upload(alice, '/api/import', file, '六万段.docx'));
    expect(result).toEqual({ status: 413, body: { error: { code: 'payload_too_large', message: '文档段落过多（超过 20000 段），无法导入；请拆分为几个文档分别导入' } } });
    expect(await documentCount(alice)).toBe(documents);
    expectResponsive(latencies);
  }, 120_000);

  it('imports 10,000 paragraphs in the worker pool while /api/health keeps answering within 200 ms', async () => {
    const file = await paragraphsDocx(10_000);
    const started = performance.now();
    const { latencies, result } = await healthWhile(server, upload(alice, '/api/import', file, '一万段.docx'));
    const took = performance.now() - started;
    expect(result.status).toBe(201);
    console.log(`10,000-paragraph import: ${took.toFixed(0)} ms; /api/health ×${latencies.length}, max ${Math.max(...latencies).toFixed(0)} ms`);
    expect(latencies.length).toBeGreaterThan(3);
    expectResponsive(latencies);
    const content = await alice.ok<{ text: string }>('GET', `/api/documents/${result.body.id}/content`);
    expect(content.text.split('\n')).toHaveLength(10_000);
  }, 120_000);
});

describe('a task past its time limit', () => {
  let server: RunningServer;
  let alice: ApiClient;

  beforeAll(async () => {
    server = await startDeskServer({ env: { WENGAO_WORK_TIMEOUT_MS: '1000' } });
    ({ writers: [alice] } = await createWriters(server, 'alice'));
  });
  afterAll(() => server.dispose());

  it('is refused with the Chinese limit, its worker replaced, and the server stays healthy', async () => {
    const file = await paragraphsDocx(10_000);
    const documents = await documentCount(alice);
    const { latencies, result } = await healthWhile(server, upload(alice, '/api/import', file, '一万段.docx'));
    expect(result).toEqual({ status: 413, body: { error: { code: 'payload_too_large', message: '文档过大或过于复杂，处理超时（限 1 秒）' } } });
    expect(await documentCount(alice)).toBe(documents);
    expectResponsive(latencies);

    // A fresh worker takes the next tasks: seeding a body and reading it back.
    const created = await alice.ok<{ id: string }>('POST', '/api/documents', {
      title: '通知', kind: 'official', blocks: [{ type: 'paragraph', text: '全区各单位：' }],
    });
    expect((await alice.ok<{ text: string }>('GET', `/api/documents/${created.id}/content`)).text).toBe('全区各单位：');
    expect(server.output()).toMatch(/"kind":"timeout","task":"importDocx"/);
    expect((await new ApiClient(server.url).login('admin', ADMIN_PASSWORD)).token).not.toBe('');
  }, 120_000);
});

/**
 * Appends `count` signed entries to the audit log of a stopped server's data folder, as the server
 * would have written them (chained, HMAC-signed with the folder's key): a large log in a second.
 */
function appendAuditEntries(dataDir: string, count: number, actorId: string): void {
  const key = findAuditKey(dataDir, {});
  if (!key) throw new Error('the data folder has no audit key');
  const db = new SQLite(`${dataDir}/wengao.db`);
  try {
    const last = db.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string };
    const insert = db.prepare('insert into audit_log (id, at, actor_id, action, target, detail, prev_hash, hash, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      let prevHash = last.hash;
      for (let id = last.id + 1; id <= last.id + count; id++) {
        const fields = { at: new Date().toISOString(), actorId, action: 'auth.login', target: actorId, detail: JSON.stringify({ address: `10.0.${id % 250}.${id % 200}` }) };
        const hash = entryHash(prevHash, fields);
        insert.run(id, fields.at, actorId, fields.action, fields.target, fields.detail, prevHash, hash, entryMac(key.key, id, hash));
        prevHash = hash;
      }
    })();
  } finally {
    db.close();
  }
}

describe('the audit log’s .xlsx export of many entries', () => {
  const ENTRIES = 40_000;
  let server: RunningServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startDeskServer();
    admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
    const { user } = await admin.ok<{ user: { id: string } }>('GET', '/api/me');
    await server.stop();
    appendAuditEntries(server.dataDir, ENTRIES, user.id);
    await server.restart();
    admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  }, 120_000);
  afterAll(() => server.dispose());

  it('is built in the worker pool while /api/health keeps answering', async () => {
    const exporting = fetch(`${server.url}/api/audit.xlsx`, { headers: { authorization: `Bearer ${admin.token}` } })
      .then(async (response) => ({ status: response.status, bytes: await response.arrayBuffer() }));
    const started = performance.now();
    const { latencies, result } = await healthWhile(server, exporting);
    const took = performance.now() - started;
    console.log(`audit export of ${ENTRIES} entries: ${took.toFixed(0)} ms; /api/health ×${latencies.length}, max ${Math.max(...latencies).toFixed(0)} ms`);
    expect(result.status).toBe(200);
    expectResponsive(latencies);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(result.bytes);
    const sheet = book.getWorksheet('审计日志');
    expect(sheet?.rowCount).toBeGreaterThan(ENTRIES);
    expect(sheet?.getRow(2).getCell(4).value).toBe('登录');
    expect(String(book.getWorksheet('说明')?.getRow(6).getCell(2).value)).toMatch(/^通过/);
  }, 180_000);
});
