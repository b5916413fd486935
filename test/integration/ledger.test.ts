import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import SQLite from 'better-sqlite3';
import { ADMIN_PASSWORD, ApiClient, startDeskServer, type RunningServer } from '../support/server';
import type { ImportReport, Outlet, Submission, YearProgress, YearTargetsResponse } from '../../src/shared/ledger';
import type { CountedItem } from '../../src/core/targets/counting';

let server: RunningServer;
let admin: ApiClient;
let clerk: ApiClient;
let alice: ApiClient;
let outlets: Outlet[];

async function makeUser(username: string, roles: string[], displayName: string): Promise<ApiClient> {
  await admin.ok('POST', '/api/users', { username, password: `${username}-pass`, displayName, roles });
  return new ApiClient(server.url).login(username, `${username}-pass`);
}

/** The review workflow sets 定稿; these tests set it in the database directly. */
function finalize(documentId: string): void {
  const db = new SQLite(`${server.dataDir}/wengao.db`);
  db.pragma('busy_timeout = 5000');
  db.prepare("update documents set state = 'final' where id = ?").run(documentId);
  db.close();
}

function outlet(name: string): Outlet {
  const found = outlets.find((o) => o.name === name);
  if (!found) throw new Error(`no outlet ${name}`);
  return found;
}

async function upload(client: ApiClient, path: string, filename: string, bytes: Uint8Array, type = 'application/octet-stream'): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(server.url + path, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  return { status: response.status, body: await response.json() };
}

async function progress(asOf = '2023-12-31'): Promise<Record<string, YearProgress['targets'][number]>> {
  const result = await alice.ok<YearProgress>('GET', `/api/targets/progress?year=2023&asOf=${asOf}`);
  return Object.fromEntries(result.targets.map((t) => [t.key, t]));
}

beforeAll(async () => {
  server = await startDeskServer();
  admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  clerk = await makeUser('clerk', ['clerk'], '王统计');
  alice = await makeUser('alice', ['writer'], '张明');
  outlets = (await alice.ok<{ outlets: Outlet[] }>('GET', '/api/outlets')).outlets;
});
afterAll(() => server.dispose());

describe('outlet catalog', () => {
  it('ships example outlets marked as examples', () => {
    expect(outlets.length).toBeGreaterThanOrEqual(10);
    expect(outlets.every((o) => o.example)).toBe(true);
    expect(outlet('大众日报')).toMatchObject({ level: 'provincial', kind: 'media' });
  });

  it('lets clerks and admins edit it, and nobody else', async () => {
    expect((await alice.request('POST', '/api/outlets', { name: '沂河动态', level: 'district', kind: 'journal' })).status).toBe(403);
    const { outlet: created } = await clerk.ok<{ outlet: Outlet }>('POST', '/api/outlets', { name: '沂河动态', level: 'district', kind: 'journal' });
    expect(created).toMatchObject({ example: false, disabled: false });
    expect((await clerk.request('POST', '/api/outlets', { name: '沂河动态', level: 'city', kind: 'journal' })).status).toBe(409);
    expect((await clerk.request('POST', '/api/outlets', { name: '坏级别', level: 'county', kind: 'journal' })).status).toBe(400);
    const { outlet: renamed } = await admin.ok<{ outlet: Outlet }>('PATCH', `/api/outlets/${created.id}`, { name: '沂河新区动态' });
    expect(renamed.name).toBe('沂河新区动态');
    outlets = (await alice.ok<{ outlets: Outlet[] }>('GET', '/api/outlets')).outlets;
  });
});

describe('submissions and counting', () => {
  let docId: string;
  let submissions: Submission[];

  it('records 报送 only from a 定稿 piece, and only as a clerk or admin', async () => {
    ({ id: docId } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '新区夜经济观察', kind: 'media' }));
    const request = { documentId: docId, outletIds: [outlet('大众日报').id, outlet('临沂日报').id], on: '2023-03-01' };
    const draft = await clerk.request<{ error: { message: string } }>('POST', '/api/submissions', request);
    expect(draft.status).toBe(409);
    expect(draft.body.error.message).toContain('定稿');
    finalize(docId);
    expect((await alice.request('POST', '/api/submissions', request)).status).toBe(403);
    ({ submissions } = await clerk.ok<{ submissions: Submission[] }>('POST', '/api/submissions', request));
    expect(submissions).toHaveLength(2);
    expect(submissions[0]).toMatchObject({ status: 'submitted', authors: ['张明'], documentId: docId });
  });

  it('appends dated events; status derives from the log; the dashboard counts them', async () => {
    const [provincial, city] = [...submissions].sort((a) => (a.outlet.name === '大众日报' ? -1 : 1));
    const adopted = await clerk.ok<{ submission: Submission }>('PATCH', `/api/submissions/${provincial.id}`, { status: 'adopted', at: '2023-03-05' });
    expect(adopted.submission.status).toBe('adopted');
    // An instant late on 9 March UTC is 10 March in Shanghai.
    const published = await clerk.ok<{ submission: Submission }>('PATCH', `/api/submissions/${provincial.id}`,
      { status: 'published', at: '2023-03-09T17:00:00Z', issue: '第 3 版', url: 'https://example.org/a' });
    expect(published.submission).toMatchObject({ status: 'published', facts: { publishedOn: '2023-03-10' } });
    expect(published.submission.events.map((e) => e.type)).toEqual(['submitted', 'adopted', 'published']);
    await clerk.ok('PATCH', `/api/submissions/${city.id}`, { status: 'published', at: '2023-03-12' });
    let figures = await progress();
    expect(figures['central-provincial-media'].actual).toBe(1);
    expect(figures['city-plus-media'].actual).toBe(2);
    expect(figures['city-plus-media'].monthly[2].count).toBe(2);
    expect(figures['city-plus-media'].byWriter).toEqual([{ name: '张明', count: 2 }]);
    expect(figures['city-plus-media'].expected).toBeCloseTo(2000, 6);
    expect((await progress('2023-03-11'))['city-plus-media'].actual).toBe(1);

    // A correction (published → not adopted) uncounts it.
    await clerk.ok('PATCH', `/api/submissions/${city.id}`, { status: 'rejected', at: '2023-03-20' });
    figures = await progress();
    expect(figures['city-plus-media'].actual).toBe(1);
    const { items } = await alice.ok<{ items: CountedItem[] }>('GET', '/api/targets/progress/items?year=2023&asOf=2023-12-31&key=city-plus-media');
    expect(items.map((i) => [i.title, i.outletName, i.on])).toEqual([['新区夜经济观察', '大众日报', '2023-03-10']]);
  });

  it('refuses events from writers, unknown statuses and missing levels', async () => {
    const id = submissions[0].id;
    expect((await alice.request('PATCH', `/api/submissions/${id}`, { status: 'adopted', at: '2023-03-05' })).status).toBe(403);
    expect((await clerk.request('PATCH', `/api/submissions/${id}`, { status: 'won', at: '2023-03-05' })).status).toBe(400);
    expect((await clerk.request('PATCH', `/api/submissions/${id}`, { status: 'instructed', at: '2023-03-05' })).status).toBe(400);
    expect((await clerk.request('PATCH', `/api/submissions/${id}`, { status: 'adopted', at: '2023-02-30' })).status).toBe(400);
    expect((await clerk.request('PATCH', '/api/submissions/nope', { status: 'adopted', at: '2023-03-05' })).status).toBe(404);
  });

  it('voids a row recorded by mistake: it counts nothing, takes no more events, stays listed and leaves the export', async () => {
    const wrong = outlet('人民日报').id;
    const { submissions: [mistake] } = await clerk.ok<{ submissions: Submission[] }>('POST', '/api/submissions',
      { title: '新区城市更新观察', kind: 'media', authors: ['张明'], outletIds: [wrong], on: '2023-04-01' });
    await clerk.ok('PATCH', `/api/submissions/${mistake.id}`, { status: 'published', at: '2023-04-03' });
    const before = await progress();
    expect(before['central-provincial-media'].actual).toBe(2);

    expect((await alice.request('PATCH', `/api/submissions/${mistake.id}`, { status: 'voided', at: '2023-04-05', summary: '媒体选错' })).status).toBe(403);
    const noReason = await clerk.request('PATCH', `/api/submissions/${mistake.id}`, { status: 'voided', at: '2023-04-05' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('请填写作废原因');
    const { submission } = await clerk.ok<{ submission: Submission }>('PATCH', `/api/submissions/${mistake.id}`, { status: 'voided', at: '2023-04-05', summary: '媒体选错，应为临沂日报' });
    expect(submission).toMatchObject({ status: 'voided', facts: { publishedOn: null, firstOn: '2023-04-01', lastOn: '2023-04-03' } });
    expect(submission.events.at(-1)).toMatchObject({ type: 'voided', summary: '媒体选错，应为临沂日报', recordedBy: '王统计' });

    const after = await progress();
    expect(after['central-provincial-media'].actual).toBe(1);
    expect(after['city-plus-media'].actual).toBe(before['city-plus-media'].actual - 1);
    const later = await clerk.request('PATCH', `/api/submissions/${mistake.id}`, { status: 'adopted', at: '2023-04-06' });
    expect(later.status).toBe(409);
    expect(JSON.stringify(later.body)).toContain('已作废');

    const { submissions: voided } = await alice.ok<{ submissions: Submission[] }>('GET', '/api/submissions?year=2023&status=voided');
    expect(voided.map((s) => s.title)).toEqual(['新区城市更新观察']);
    const exported = await fetch(`${server.url}/api/ledger.xlsx?year=2023`, { headers: { authorization: `Bearer ${alice.token}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await exported.arrayBuffer());
    const titles: unknown[] = [];
    book.getWorksheet('报送台账')?.eachRow((row) => titles.push(row.getCell(2).value));
    expect(titles).not.toContain('新区城市更新观察');

    // An older export that still lists the row does not bring it back.
    const csv = ['序号,标题,作者,类别,报送单位/媒体,级别,报送日期,状态,采用/刊发日期,期号/链接,批示,得分',
      '1,新区城市更新观察,张明,媒体稿件,人民日报,中央,2023-04-01,已刊发,2023-04-03,,,'].join('\r\n');
    const reimport = await upload(clerk, '/api/ledger/import', '旧台账.csv', new TextEncoder().encode(csv), 'text/csv');
    expect(reimport.body).toMatchObject({ ok: true, imported: 0, skipped: 1 });
    expect((await progress())['central-provincial-media'].actual).toBe(1);
  });

  it('records manual entries without a document, de-duplicated by title', async () => {
    const info = outlet('市政府信息').id;
    await clerk.ok('POST', '/api/submissions', { title: '新区优化营商环境的做法', kind: 'info', authors: ['李华'], outletIds: [info, outlet('省政府信息').id], on: '2023-02-01' });
    await clerk.ok('POST', '/api/submissions', { title: '《新区优化营商环境的做法》', kind: 'info', authors: ['李华'], outletIds: [info], on: '2023-02-03' });
    expect((await progress())['info-reports'].actual).toBe(1);
    expect((await clerk.request('POST', '/api/submissions', { outletIds: [info], on: '2023-02-01' })).status).toBe(400);
  });

  it('uploads evidence into the data folder and serves it back', async () => {
    const id = submissions[0].id;
    const bytes = new TextEncoder().encode('%PDF-1.4 scan');
    const denied = await upload(alice, `/api/submissions/${id}/evidence`, '版面.pdf', bytes, 'application/pdf');
    expect(denied.status).toBe(403);
    const { status, body } = await upload(clerk, `/api/submissions/${id}/evidence`, '版面.pdf', bytes, 'application/pdf');
    expect(status).toBe(201);
    const [file] = (body as { submission: Submission }).submission.evidence;
    expect(file).toMatchObject({ filename: '版面.pdf', size: bytes.length, mime: 'application/pdf' });
    const response = await fetch(`${server.url}/api/evidence/${file.id}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    const big = await upload(clerk, `/api/submissions/${id}/evidence`, 'big.bin', new Uint8Array(21 * 1024 * 1024));
    expect(big.status).toBe(413);
  });
});

describe('targets and tags', () => {
  it('serves the plan’s defaults and lets a clerk change them', async () => {
    const defaults = await alice.ok<YearTargetsResponse>('GET', '/api/targets/2024');
    expect(defaults.isDefault).toBe(true);
    expect(defaults.targets.map((t) => [t.key, t.target])).toEqual([
      ['journal-articles', 10], ['research-awards', 5], ['research-topics', 10], ['info-reports', 300], ['info-ranking', 0],
      ['central-provincial-media', 20], ['city-plus-media', 2000], ['lecture-series', 12]]);
    const changed = defaults.targets.map((t) => (t.key === 'lecture-series' ? { ...t, rule: { type: 'manual', count: 3 } } : t));
    expect((await alice.request('PUT', '/api/targets/2024', { targets: changed, points: defaults.points })).status).toBe(403);
    const saved = await clerk.ok<YearTargetsResponse>('PUT', '/api/targets/2024', { targets: changed, points: defaults.points });
    expect(saved.isDefault).toBe(false);
    const figures = await alice.ok<YearProgress>('GET', '/api/targets/progress?year=2024&asOf=2024-07-01');
    expect(figures.targets.find((t) => t.key === 'lecture-series')).toMatchObject({ actual: 3, target: 12 });
    expect((await clerk.request('PUT', '/api/targets/2024', { targets: [...changed, changed[0]], points: defaults.points })).status).toBe(400);
  });

  it('tags documents with targets and outlets, and filters the document list by target', async () => {
    const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '经济工作会议讲话', kind: 'comprehensive' });
    const tags = { targetKeys: ['journal-articles'], outletIds: [outlet('临沂通讯').id] };
    expect(await alice.ok('PUT', `/api/documents/${id}/targets`, tags)).toEqual(tags);
    expect(await alice.ok('GET', `/api/documents/${id}/targets`)).toEqual(tags);
    const { documents } = await alice.ok<{ documents: Array<{ id: string }> }>('GET', '/api/documents?target=journal-articles');
    expect(documents.map((d) => d.id)).toEqual([id]);
    const bob = await makeUser('bob', ['writer'], '赵强');
    expect((await bob.request('PUT', `/api/documents/${id}/targets`, tags)).status).toBe(403);
  });
});

describe('spreadsheets', () => {
  it('exports the ledger to .xlsx that reads back with the same rows', async () => {
    const response = await fetch(`${server.url}/api/ledger.xlsx?year=2023`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('报送台账');
    if (!sheet) throw new Error('no sheet');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['序号', '标题', '作者', '类别', '报送单位/媒体', '级别', '报送日期', '状态', '采用/刊发日期', '期号/链接', '批示', '得分']);
    const { submissions } = await alice.ok<{ submissions: Submission[] }>('GET', '/api/submissions?year=2023');
    // Every row of the year but the voided one.
    expect(rows.length - 1).toBe(submissions.filter((s) => s.status !== 'voided').length);
    expect(submissions.some((s) => s.status === 'voided')).toBe(true);
    const published = rows.find((r) => r[4] === '大众日报');
    expect(published).toEqual([expect.any(Number), '新区夜经济观察', '张明', '媒体稿件', '大众日报', '省级', '2023-03-01', '已刊发', '2023-03-10', '第 3 版 https://example.org/a', '', 5]);
    expect(rows.find((r) => r[4] === '临沂日报')?.[7]).toBe('未采用');
    expect(book.getWorksheet('统计')?.getRow(1).values).toContain('年度目标');
  });

  it('imports a GBK .csv as Excel in China writes it', async () => {
    const csv = [
      '序号,标题,作者,类别,报送单位/媒体,级别,报送日期,状态,采用/刊发日期,期号/链接,批示,得分',
      '1,沂河新区举办招商推介会,"张明、李华",媒体稿件,临沂日报,市级,2023/4/2,已刊发,2023年4月3日,第2版,,',
      '2,新区安全生产检查情况,王芳,政务信息,市政府信息,市级,2023-04-05,已采用,2023-04-08,,市级：请各区借鉴,',
      '3,新区文明城市创建,张明,媒体稿件,齐鲁晚报,省级,2023-04-06,已报送,,,,',
    ].join('\r\n');
    const bytes = iconv.encode(csv, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const before = await progress();
    const { status, body } = await upload(clerk, '/api/ledger/import', '台账.csv', bytes, 'text/csv');
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, imported: 3, skipped: 0, rows: 3, errors: [] });
    const after = await progress();
    expect(after['city-plus-media'].actual).toBe(before['city-plus-media'].actual + 1);
    expect(after['info-ranking'].actual).toBe(before['info-ranking'].actual + 2 + 5);
    const { outlets: catalog } = await alice.ok<{ outlets: Outlet[] }>('GET', '/api/outlets');
    expect(catalog.find((o) => o.name === '齐鲁晚报')).toMatchObject({ level: 'provincial', kind: 'media', example: false });
  });

  it('skips rows the ledger already records when an exported ledger is imported again', async () => {
    const before = await progress();
    const { submissions: existing } = await alice.ok<{ submissions: Submission[] }>('GET', '/api/submissions');
    const exported = await fetch(`${server.url}/api/ledger.xlsx?year=2023`, { headers: { authorization: `Bearer ${alice.token}` } });
    const bytes = new Uint8Array(await exported.arrayBuffer());
    const { status, body } = await upload(clerk, '/api/ledger/import', '报送台账-2023.xlsx', bytes);
    expect(status).toBe(200);
    const report = body as ImportReport;
    expect(report.rows).toBeGreaterThan(3);
    expect(report).toMatchObject({ ok: true, imported: 0, skipped: report.rows });
    expect((await alice.ok<{ submissions: Submission[] }>('GET', '/api/submissions')).submissions).toHaveLength(existing.length);
    expect(await progress()).toEqual(before);

    // One new row among recorded ones: only it is added.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    book.getWorksheet('报送台账')?.addRow([99, '新区营商环境新举措', '李华', '媒体稿件', '临沂日报', '市级', '2023-06-01', '已报送', '', '', '', '']);
    const again = await upload(clerk, '/api/ledger/import', '报送台账-2023.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    expect(again.body).toMatchObject({ ok: true, imported: 1, skipped: report.rows });
  });

  it('refuses a bad import with every bad row listed, and imports nothing', async () => {
    const { submissions: before } = await alice.ok<{ submissions: Submission[] }>('GET', '/api/submissions');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('报送台账');
    sheet.addRow(['序号', '标题', '作者', '类别', '报送单位/媒体', '级别', '报送日期', '状态', '采用/刊发日期', '期号/链接', '批示', '得分']);
    sheet.addRow([1, '好的一行', '张明', '媒体稿件', '临沂日报', '市级', '2023-05-01', '已报送', '', '', '', '']);
    sheet.addRow([2, '', '张明', '小说', '临沂日报', '市级', '2023-13-01', '已报送', '', '', '', '']);
    sheet.addRow([3, '未知媒体', '张明', '媒体稿件', '不存在的报', '', '2023-05-01', '已刊发', '', '', '', '']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const { status, body } = await upload(clerk, '/api/ledger/import', 'bad.xlsx', bytes);
    expect(status).toBe(400);
    const { report, error } = body as { report: ImportReport; error: { message: string } };
    expect(error.message).toContain('2 行');
    expect(report.errors.map((e) => e.row)).toEqual([3, 4]);
    expect(report.errors[0].messages.join(' ')).toMatch(/标题为空.*类别“小说”.*报送日期“2023-13-01”/);
    expect(report.errors[1].messages.join(' ')).toMatch(/不在刊物与媒体目录中.*采用\/刊发日期/);
    const { submissions: after } = await alice.ok<{ submissions: Submission[] }>('GET', '/api/submissions');
    expect(after.length).toBe(before.length);
    expect((await upload(alice, '/api/ledger/import', 'x.csv', new TextEncoder().encode('a,b'))).status).toBe(403);
  });
});
