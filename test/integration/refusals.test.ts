/**
 * Regressions of issue 12: refusals that leaked English (415, 413, zod's details, 404), titles of
 * invisible characters that were accepted, bidi controls kept in titles and file names, and an
 * oversized body answered with a TCP reset instead of the 413.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';
import { multipartBody, rawRequest, type RawOutcome } from '../support/rawHttp';
import { expectChineseError } from '../support/chinese';

let server: RunningServer;
let admin: ApiClient;
let alice: ApiClient;
let clerk: ApiClient;

beforeAll(async () => {
  server = await startDeskServer();
  ({ admin, writers: [alice] } = await createWriters(server, 'alice'));
  await admin.ok('POST', '/api/users', { username: 'clerk', password: 'clerk-pass', displayName: '王统计', roles: ['clerk'] });
  clerk = await new ApiClient(server.url).login('clerk', 'clerk-pass');
});
afterAll(() => server.dispose());

async function send(client: ApiClient, method: string, path: string, contentType: string | null, body: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${client.token}`, ...(contentType && { 'content-type': contentType }) },
    body,
  });
  return { status: response.status, body: await response.json() };
}

async function upload(client: ApiClient, path: string, fileName: string, bytes: Uint8Array): Promise<{ status: number; body: unknown; headers: Headers }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const response = await fetch(server.url + path, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const documentCount = async (): Promise<number> => (await alice.ok<{ documents: unknown[] }>('GET', '/api/documents')).documents.length;

describe('refusals that leaked English', () => {
  it('refuses a form-encoded, an XML, a plain-text and an untyped body with 415 in Chinese', async () => {
    const before = await documentCount();
    for (const type of ['application/x-www-form-urlencoded', 'application/xml', 'text/plain']) {
      const refused = await send(alice, 'POST', '/api/documents', type, 'title=%E6%A0%87%E9%A2%98&kind=info');
      expect(refused.status, type).toBe(415);
      expect(expectChineseError(refused.body)).toContain('JSON');
    }
    const untyped = await rawRequest(server.port, 'POST', '/api/documents', { authorization: `Bearer ${alice.token}` }, Buffer.from('{"title":"无类型","kind":"info"}'));
    expect(untyped.status).toBe(415);
    expectChineseError(JSON.parse(untyped.body));
    expect(await documentCount()).toBe(before);
  });

  it('refuses an 11 MB ledger file with 413 naming the 10 MB limit', async () => {
    const csv = new Uint8Array(11 * 1024 * 1024).fill(0x41);
    const refused = await upload(clerk, '/api/ledger/import', '台账.csv', csv);
    expect(refused.status).toBe(413);
    expect(expectChineseError(refused.body)).toContain('10 MB');
  });

  it('names the field and the reason of a validation failure, in Chinese', async () => {
    const cases: Array<[unknown, string]> = [
      [{ title: '', kind: 'info' }, '标题不能为空'],
      [{ title: '长'.repeat(201), kind: 'info' }, '标题不能超过 200 个字'],
      [{ title: '无类别' }, '缺少类别'],
      [{ title: '类别不对', kind: 'poem' }, '类别的取值无效'],
      [{ title: 42, kind: 'info' }, '标题应为文字'],
      [{ title: '段落', kind: 'info', blocks: [{ type: 'paragraph', text: 7 }] }, '正文段落第 1 项的文字应为文字'],
    ];
    for (const [body, message] of cases) {
      const refused = await alice.request('POST', '/api/documents', body);
      expect(refused).toEqual({ status: 400, body: { error: { code: 'bad_request', message } } });
    }
    const password = await admin.request('POST', '/api/users', { username: 'dave', password: 'short', displayName: '戴', roles: [] });
    expect(password.body).toEqual({ error: { code: 'bad_request', message: '密码至少 8 位' } });
  });

  it('answers an unknown route and malformed JSON in Chinese', async () => {
    const missing = await alice.request('GET', '/api/no-such-thing');
    expect(missing.status).toBe(404);
    expectChineseError(missing.body);
    const malformed = await send(alice, 'POST', '/api/documents', 'application/json', '{"title": "半截');
    expect(malformed.status).toBe(400);
    expectChineseError(malformed.body);
  });
});

describe('titles of invisible characters and bidi controls', () => {
  const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200B \u2060\uFEFF\u200D', '\u202E\u2066\u2069\u202C'];

  it('refuses a title of only zero-width (or bidi) characters as blank, on create and rename', async () => {
    const before = await documentCount();
    for (const title of invisible) {
      const refused = await alice.request('POST', '/api/documents', { title, kind: 'info' });
      expect(refused, JSON.stringify(title)).toEqual({ status: 400, body: { error: { code: 'bad_request', message: '标题不能为空' } } });
    }
    expect(await documentCount()).toBe(before);
    const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '原标题', kind: 'info' });
    for (const title of invisible) expect((await alice.request('PATCH', `/api/documents/${id}`, { title })).status).toBe(400);
    expect((await alice.ok<{ title: string }>('GET', `/api/documents/${id}`)).title).toBe('原标题');
  });

  it('strips bidi overrides and isolates from titles', async () => {
    const created = await alice.ok<{ id: string; title: string }>('POST', '/api/documents', { title: '\u202E关于\u2066开展\u2069检查\u202C的通知\u200B', kind: 'official' });
    expect(created.title).toBe('关于开展检查的通知');
    const renamed = await alice.ok<{ title: string }>('PATCH', `/api/documents/${created.id}`, { title: '报告\u202Ecod.exe' });
    expect(renamed.title).toBe('报告cod.exe');
  });

  it('refuses a ledger entry titled with zero-width characters, by the API and by import', async () => {
    const { outlets } = await clerk.ok<{ outlets: Array<{ id: string }> }>('GET', '/api/outlets');
    const refused = await clerk.request('POST', '/api/submissions', { title: '\u200B\u200D', kind: 'info', outletIds: [outlets[0].id], on: '2024-03-01' });
    expect(refused.body).toEqual({ error: { code: 'bad_request', message: '标题不能为空' } });
    const csv = `标题,类别,报送单位/媒体,级别,报送日期\n\u200B\uFEFF,政务信息,市委信息,市级,2024-03-01\n`;
    const imported = await upload(clerk, '/api/ledger/import', '台账.csv', new TextEncoder().encode(csv));
    expect(imported.status).toBe(400);
    expect(imported.body).toMatchObject({ report: { errors: [{ row: 2, messages: ['标题为空'] }] } });
  });

  it('strips bidi controls from uploaded file names and from Content-Disposition', async () => {
    const { outlets } = await clerk.ok<{ outlets: Array<{ id: string }> }>('GET', '/api/outlets');
    const { submissions: [row] } = await clerk.ok<{ submissions: Array<{ id: string }> }>('POST', '/api/submissions', {
      title: '证明材料', kind: 'info', outletIds: [outlets[0].id], on: '2024-03-02',
    });
    const stored = await upload(clerk, `/api/submissions/${row.id}/evidence`, '扫描\u202Efdp.exe', new TextEncoder().encode('%PDF-1.4'));
    const evidence = (stored.body as { submission: { evidence: Array<{ id: string; filename: string }> } }).submission.evidence[0];
    expect(evidence.filename).toBe('扫描fdp.exe');
    const served = await fetch(`${server.url}/api/evidence/${evidence.id}`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(decodeURIComponent(served.headers.get('content-disposition') ?? '')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);

    // A title stored before titles were cleaned still leaves without its controls.
    const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '旧标题', kind: 'info' });
    const db = new SQLite(`${server.dataDir}/wengao.db`);
    db.pragma('busy_timeout = 5000');
    db.prepare('update documents set title = ? where id = ?').run('旧\u202E标题\u2066', id);
    db.close();
    const exported = await fetch(`${server.url}/api/documents/${id}/export.docx`, { headers: { authorization: `Bearer ${alice.token}` } });
    const disposition = exported.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('旧标题（草稿）.docx');
  });
});

describe('an oversized body answered with a TCP reset', () => {
  const RUNS = 30;
  const count = (outcomes: RawOutcome[]) => ({
    resets: outcomes.filter((o) => o.reset).length,
    statuses: [...new Set(outcomes.map((o) => o.status))],
  });

  it('always delivers the 413 for 20 MB sent to a JSON endpoint (limit 2 MB)', async () => {
    const body = new Uint8Array(20 * 1024 * 1024).fill(0x20);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${alice.token}` };
    const outcomes: RawOutcome[] = [];
    for (let i = 0; i < RUNS; i += 3) {
      outcomes.push(...await Promise.all([0, 1, 2].map(() => rawRequest(server.port, 'POST', '/api/documents', headers, body))));
    }
    expect(count(outcomes)).toEqual({ resets: 0, statuses: [413] });
    expect(expectChineseError(JSON.parse(outcomes[0].body))).toContain('2 MB');
  }, 180_000);

  it('always delivers the 413 for a 20 MB file sent to the ledger import (limit 10 MB)', async () => {
    const { body, contentType } = multipartBody('台账.csv', new Uint8Array(20 * 1024 * 1024).fill(0x41));
    const headers = { 'content-type': contentType, authorization: `Bearer ${clerk.token}` };
    const outcomes: RawOutcome[] = [];
    for (let i = 0; i < RUNS; i += 3) {
      outcomes.push(...await Promise.all([0, 1, 2].map(() => rawRequest(server.port, 'POST', '/api/ledger/import', headers, body))));
    }
    expect(count(outcomes)).toEqual({ resets: 0, statuses: [413] });
    expect(expectChineseError(JSON.parse(outcomes[0].body))).toContain('10 MB');
  }, 180_000);
});
