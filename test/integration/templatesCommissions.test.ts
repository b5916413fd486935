import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { ADMIN_PASSWORD, ApiClient, startDeskServer, type RunningServer } from '../support/server';
import { expectChineseError } from '../support/chinese';
import type { DocumentDetail, DocumentSummary } from '../../src/shared/api';
import type { CommissionSummary, CommissionYear, Lineage, OfficeDefaultsResponse, ResearchYield, TemplateSummary } from '../../src/shared/templates';
import type { Outlet, Submission, YearProgress, YearTargetsResponse } from '../../src/shared/ledger';

let server: RunningServer;
let admin: ApiClient;
let clerk: ApiClient;
let alice: ApiClient;
let bob: ApiClient;
let aliceId: string;

async function makeUser(username: string, roles: string[]): Promise<{ client: ApiClient; id: string }> {
  const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', { username, password: `${username}-pass`, displayName: `${username}名`, roles });
  return { client: await new ApiClient(server.url).login(username, `${username}-pass`), id: user.id };
}

function finalize(documentId: string): void {
  const db = new SQLite(`${server.dataDir}/wengao.db`);
  db.pragma('busy_timeout = 5000');
  db.prepare("update documents set state = 'final' where id = ?").run(documentId);
  db.close();
}

const text = async (client: ApiClient, id: string) => (await client.ok<{ text: string }>('GET', `/api/documents/${id}/content`)).text;

beforeAll(async () => {
  server = await startDeskServer();
  admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  clerk = (await makeUser('clerk', ['clerk'])).client;
  const a = await makeUser('alice', ['writer']);
  alice = a.client;
  aliceId = a.id;
  bob = (await makeUser('bob', ['writer'])).client;
});
afterAll(() => server.dispose());

describe('templates and office defaults', () => {
  it('offers each kind its 文种, and a 请示 starts from its skeleton with the office defaults filled', async () => {
    const { templates } = await alice.ok<{ templates: TemplateSummary[] }>('GET', '/api/templates?kind=official');
    expect(templates.map((t) => t.genre)).toEqual(['通知', '通报', '请示', '报告', '函', '纪要', '意见', '方案']);
    const info = await alice.ok<{ templates: TemplateSummary[] }>('GET', '/api/templates?kind=info');
    expect(info.templates.map((t) => t.genre)).toEqual(['经验类', '动态类', '专报']);

    await admin.ok('PUT', '/api/office-defaults/official', { properties: { 发文机关标志: '临沂沂河新区党政办公室文件', 印发机关: '沂河新区党政办公室', 抄送: '' } });
    const piece = await alice.ok<DocumentDetail>('POST', '/api/documents', { title: '关于申请资金的请示', kind: 'official', template: 'official-request' });
    expect(piece.properties).toEqual({ 发文机关标志: '临沂沂河新区党政办公室文件', 印发机关: '沂河新区党政办公室', 上行文: '是' });
    const body = await text(alice, piece.id);
    expect(body).toContain('妥否，请批示。');
    expect(body).toContain('【请示事项');
    // The prompts left in are proofreading errors, so the piece is not submitted with them.
    const { findings } = await alice.ok<{ findings: Array<{ rule: string; severity: string }> }>('GET', `/api/documents/${piece.id}/proofing`);
    expect(findings.filter((f) => f.rule === 'field.placeholder' && f.severity === 'error')).toHaveLength(2);
  });

  it('refuses defaults a kind does not have, a template of another kind, and writers, in Chinese', async () => {
    const unknown = await admin.request('PUT', '/api/office-defaults/info', { properties: { 发文字号: '1号' } });
    expect(unknown.status).toBe(400);
    expect(expectChineseError(unknown.body)).toContain('发文字号');
    const wrongKind = await alice.request('POST', '/api/documents', { title: '信息', kind: 'info', template: 'official-request' });
    expect(wrongKind.status).toBe(400);
    expect(expectChineseError(wrongKind.body)).toContain('不是政务信息的模板');
    expect((await alice.request('PUT', '/api/office-defaults/info', { properties: { 刊名: 'x' } })).status).toBe(403);
  });

  it('an admin edits a template as a document, and new pieces start from the edit; it is not listed as a piece', async () => {
    const template = await admin.ok<TemplateSummary>('POST', '/api/templates/info-news/edit');
    expect(template.documentId).toBeTruthy();
    const documentId = template.documentId ?? '';
    await admin.ok('PATCH', `/api/documents/${documentId}`, { properties: { 密级: '内部资料' } });
    await admin.ok('PUT', '/api/office-defaults/info', { properties: { 刊名: '沂河新区政务信息', 编发单位: '沂河新区党政办公室' } });
    const piece = await alice.ok<DocumentDetail>('POST', '/api/documents', { title: '动态', kind: 'info', template: 'info-news' });
    expect(piece.properties).toEqual({ 刊名: '沂河新区政务信息', 编发单位: '沂河新区党政办公室', 密级: '内部资料' });
    expect(await text(alice, piece.id)).toContain('【补充情况');
    const listed = await admin.ok<{ documents: DocumentSummary[] }>('GET', '/api/documents');
    expect(listed.documents.map((d) => d.id)).not.toContain(documentId);
    const lineage = await admin.ok<Lineage>('GET', `/api/documents/${documentId}/lineage`);
    expect(lineage.template?.id).toBe('info-news');
    // A template is not a piece: no workflow action, no derive.
    const status = await admin.ok<{ allowedActions: string[] }>('GET', `/api/documents/${documentId}/workflow`);
    expect(status.allowedActions).toEqual([]);
    const submit = await admin.request('POST', `/api/documents/${documentId}/transitions`, { action: 'submit' });
    expect(submit.status).toBe(409);
    expect(expectChineseError(submit.body)).toContain('模板');
    expect((await admin.request('POST', `/api/documents/${documentId}/derive`, { kind: 'media' })).status).toBe(400);
  });

  it('the office makes its own template and hides one; a hidden one is refused', async () => {
    const own = await admin.ok<TemplateSummary>('POST', '/api/templates', { kind: 'official', genre: '通知', name: '会议通知', template: 'official-notice' });
    expect(own.builtin).toBe(false);
    await admin.ok('PATCH', '/api/templates/official-bulletin', { disabled: true });
    const { templates } = await alice.ok<{ templates: TemplateSummary[] }>('GET', '/api/templates?kind=official');
    expect(templates.map((t) => t.name)).toContain('会议通知');
    expect(templates.map((t) => t.id)).not.toContain('official-bulletin');
    const refused = await alice.request('POST', '/api/documents', { title: 'x', kind: 'official', template: 'official-bulletin' });
    expect(refused.status).toBe(400);
    const defaults = await alice.ok<OfficeDefaultsResponse>('GET', '/api/office-defaults');
    expect(defaults.kinds.find((k) => k.kind === 'info')?.fields).toContain('刊名');
  });
});

describe('一稿多用', () => {
  it('derives an 信息 from a 调研报告 with a link both ways, and counts what came of it', async () => {
    const report = await alice.ok<DocumentDetail>('POST', '/api/documents', { title: '招商引资调研报告', kind: 'research', blocks: [{ type: 'paragraph', text: '招商引资成效明显。' }] });
    const info = await alice.ok<DocumentDetail>('POST', `/api/documents/${report.id}/derive`, { kind: 'info' });
    expect(info).toMatchObject({ kind: 'info', title: '招商引资调研报告', properties: { 刊名: '沂河新区政务信息' } });
    expect(await text(alice, info.id)).toBe('招商引资成效明显。');
    const media = await alice.ok<DocumentDetail>('POST', `/api/documents/${info.id}/derive`, { kind: 'media', title: '招商引资见成效' });
    const lineage = await alice.ok<Lineage>('GET', `/api/documents/${info.id}/lineage`);
    expect(lineage.sources.map((s) => s.id)).toEqual([report.id]);
    expect(lineage.derivatives.map((s) => s.title)).toEqual(['招商引资见成效']);
    // Bob may not read them: the derive is refused.
    expect((await bob.request('POST', `/api/documents/${report.id}/derive`, { kind: 'info' })).status).toBe(403);

    finalize(media.id);
    const outlets = (await clerk.ok<{ outlets: Outlet[] }>('GET', '/api/outlets')).outlets;
    const [{ id: submissionId }] = (await clerk.ok<{ submissions: Submission[] }>('POST', '/api/submissions', { documentId: media.id, outletIds: [outlets[0].id], on: '2023-05-01' })).submissions;
    await clerk.ok('PATCH', `/api/submissions/${submissionId}`, { status: 'published', at: '2023-05-03' });
    const { research } = await alice.ok<{ research: ResearchYield[] }>('GET', '/api/lineage/research?year=2023');
    const mine = research.find((r) => r.id === report.id);
    expect(mine).toMatchObject({ derived: 2, results: [{ documentId: media.id, status: 'published' }] });
    const { research: seenByBob } = await bob.ok<{ research: ResearchYield[] }>('GET', '/api/lineage/research?year=2023');
    expect(seenByBob.find((r) => r.id === report.id)?.title).toBe('（无权查看的调研报告）');
  });
});

describe('约稿', () => {
  let outlet: Outlet;
  beforeAll(async () => {
    const all = (await clerk.ok<{ outlets: Outlet[] }>('GET', '/api/outlets')).outlets;
    outlet = all.find((o) => o.kind === 'channel' && o.level === 'city') ?? all[0];
  });

  it('a clerk records one; the writer sees it in their list, starts the piece from it, and it is answered', async () => {
    const created = await clerk.ok<CommissionSummary>('POST', '/api/commissions', {
      outletId: outlet.id, topic: '营商环境优化做法', requirements: '1500字以内', kind: 'info', deadline: '2099-06-30', assigneeId: aliceId,
    });
    expect(created).toMatchObject({ status: 'open', warnDays: 3, assigneeName: 'alice名' });
    const mine = await alice.ok<{ commissions: CommissionSummary[] }>('GET', '/api/commissions?mine=1');
    expect(mine.commissions.map((c) => c.id)).toContain(created.id);
    expect((await bob.ok<{ commissions: CommissionSummary[] }>('GET', '/api/commissions?mine=1')).commissions).toEqual([]);
    expect((await bob.request('POST', `/api/commissions/${created.id}/piece`, {})).status).toBe(403);
    const piece = await alice.ok<DocumentDetail>('POST', `/api/commissions/${created.id}/piece`, { template: 'info-experience' });
    expect(piece).toMatchObject({ title: '营商环境优化做法', kind: 'info' });
    const lineage = await alice.ok<Lineage>('GET', `/api/documents/${piece.id}/lineage`);
    expect(lineage.commissions).toMatchObject([{ id: created.id, status: 'answered' }]);
  });

  it('refuses a writer recording one, and a bad date, in Chinese', async () => {
    const byWriter = await alice.request('POST', '/api/commissions', { outletId: outlet.id, topic: 't', kind: 'info', deadline: '2099-01-01', assigneeId: aliceId });
    expect(byWriter.status).toBe(403);
    const badDate = await clerk.request('POST', '/api/commissions', { outletId: outlet.id, topic: 't', kind: 'info', deadline: '6月30日', assigneeId: aliceId });
    expect(badDate.status).toBe(400);
    expect(expectChineseError(badDate.body)).toContain('截止日期');
    const { commissions: [one] } = await clerk.ok<{ commissions: CommissionSummary[] }>('GET', '/api/commissions?year=2099');
    const empty = await clerk.request('PATCH', `/api/commissions/${one.id}`, {});
    expect(empty.status).toBe(400);
    expectChineseError(empty.body);
  });

  it('records the missed event itself once past its deadline, with the scheme penalty; two misses zero the information score', async () => {
    const targets = await clerk.ok<YearTargetsResponse>('GET', '/api/targets/2023');
    await admin.ok('PUT', '/api/targets/2023', { targets: targets.targets, points: { ...targets.points, missedLimit: 2 } });
    const [{ id: adopted }] = (await clerk.ok<{ submissions: Submission[] }>('POST', '/api/submissions', {
      title: '一条被采用的信息', kind: 'info', authors: ['alice名'], outletIds: [outlet.id], on: '2023-02-01',
    })).submissions;
    await clerk.ok('PATCH', `/api/submissions/${adopted}`, { status: 'adopted', at: '2023-02-03' });
    const before = await alice.ok<YearProgress>('GET', '/api/targets/progress?year=2023&asOf=2023-12-31');
    const scoreTarget = before.targets.find((t) => t.type === 'score');
    expect(scoreTarget?.actual).toBeGreaterThan(0);
    for (const deadline of ['2023-03-01', '2023-04-01']) {
      await clerk.ok('POST', '/api/commissions', { outletId: outlet.id, topic: `约稿${deadline}`, kind: 'info', deadline, assigneeId: aliceId });
    }
    const listed = await clerk.ok<{ commissions: CommissionSummary[] }>('GET', '/api/commissions?year=2023');
    expect(listed.commissions.map((c) => c.status)).toEqual(['missed', 'missed']);
    const again = await clerk.ok<{ commissions: CommissionSummary[] }>('GET', '/api/commissions?year=2023');
    expect(again.commissions).toHaveLength(2);
    const { submissions } = await clerk.ok<{ submissions: Submission[] }>('GET', '/api/submissions?year=2023&q=约稿');
    expect(submissions.filter((s) => s.title.startsWith('约稿：约稿2023'))).toHaveLength(2);
    const summary = await clerk.ok<CommissionYear>('GET', '/api/commissions/summary?year=2023');
    expect(summary).toMatchObject({ total: 2, missed: 2, answered: 0, missedLimit: 2 });
    const after = await alice.ok<YearProgress>('GET', '/api/targets/progress?year=2023&asOf=2023-12-31');
    expect(after.targets.find((t) => t.type === 'score')?.actual).toBe(0);
  });
});
