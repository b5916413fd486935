/**
 * 会签, opinions, 撤回 and 催办 through a real desk server: a 公文 goes 拟稿 → 核稿 → 会签 (three
 * holders) → 签发 with an opinion at every step; a submission is withdrawn; a holder is reminded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, ADMIN_PASSWORD, startDeskServer, type RunningServer } from '../support/server';
import { TestOffice } from '../support/office';
import type { HistoryEntry, Inbox, WorkflowStatus } from '../../src/shared/review';
import { approveAllAtOnce, COUNTERSIGN_CHAIN, transitionAs } from '../support/countersignStory';

let server: RunningServer;
let office: TestOffice;
const as = (username: string): ApiClient => office.as(username);
const idOf = (username: string): string => office.idOf(username);
const transition = transitionAs(() => office);
const DEPTS = ['finance', 'planning', 'justice'];

beforeAll(async () => {
  // 催办 after 1.8 s here (the office's default is 24 h).
  server = await startDeskServer({ env: { WENGAO_REMIND_AFTER_HOURS: '0.0005' } });
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  office = new TestOffice(server, admin);
  await office.staff();
  await office.person('finance', '财政局孙', ['reviewer']);
  await office.person('planning', '发改委周', ['reviewer']);
  await office.person('justice', '司法局吴', ['reviewer']);
  await admin.ok('PUT', '/api/chains/official', COUNTERSIGN_CHAIN);
});
afterAll(async () => {
  office?.close();
  await server?.dispose();
});

async function officialPiece(title = '关于联合开展安全生产检查的通知'): Promise<string> {
  const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
    title, kind: 'official', blocks: [{ type: 'paragraph', text: '各镇街、各部门：现将有关事项通知如下。' }],
  });
  return id;
}

describe('会签', () => {
  it('refuses a chain that ends with a 会签 step', async () => {
    const refused = await as('admin').request<{ error: { message: string } }>('PUT', '/api/chains/info', { draftName: '起草', checkpoints: [
      { key: 'a', name: '审核', role: 'reviewer' }, { key: 'b', name: '会签', role: 'reviewer', countersign: true },
    ] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('会签环节后须有审核或签发环节');
  });

  it('takes a 公文 through 拟稿 → 核稿 → 会签 (three holders) → 签发, keeping every opinion', async () => {
    const id = await officialPiece();
    expect((await transition('writer', id, { action: 'submit', assigneeId: idOf('reviewer') })).status).toBe(200);
    const atCheck = await as('reviewer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(atCheck.candidates.map((c) => c.displayName)).toEqual(expect.arrayContaining(['财政局孙', '发改委周', '司法局吴']));
    // 会签 needs its holders, not one assignee.
    expect((await transition('reviewer', id, { action: 'approve', assigneeId: idOf('finance') })).body.error?.message).toBe('请选择“会签”的会签人（可多选）');
    const opened = await transition('reviewer', id, { action: 'approve', opinion: '已核，同意', assigneeIds: DEPTS.map(idOf) });
    expect(opened.body).toMatchObject({ state: 'review', holderIds: DEPTS.map(idOf) });

    for (const dept of DEPTS) {
      const inbox = await as(dept).ok<Inbox>('GET', '/api/inbox');
      expect(inbox.toReview.find((i) => i.id === id)).toMatchObject({ checkpointName: '会签', countersign: true });
    }
    const status = await as('finance').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(status.holders?.map((h) => [h.displayName, h.approvedAt])).toEqual([['财政局孙', null], ['发改委周', null], ['司法局吴', null]]);
    expect(status.allowedActions).toEqual(['approve', 'return']);
    expect(status.countersignWaiting).toBe(2);
    // Each holder may open a 批注 thread's reply rights as a holder does (read + comment).
    const detail = await as('justice').ok<{ access: { canStartThreads: boolean; canEdit: boolean } }>('GET', `/api/documents/${id}`);
    expect(detail.access).toMatchObject({ canStartThreads: true, canEdit: false });

    expect((await transition('finance', id, { action: 'approve', opinion: '同意' })).body).toMatchObject({ state: 'review' });
    const twice = await transition('finance', id, { action: 'approve', opinion: '同意' });
    expect([twice.status, twice.body.error?.message]).toEqual([409, '您已会签同意，正在等待其他会签人']);
    expect((await as('finance').ok<Inbox>('GET', '/api/inbox')).toReview.map((i) => i.id)).not.toContain(id);
    expect((await transition('planning', id, { action: 'approve', opinion: '无意见' })).body).toMatchObject({ state: 'review' });
    // The last holder ends the step and names the signer.
    expect((await transition('justice', id, { action: 'approve', opinion: '同意，请按程序办理' })).body.error?.message).toBe('请指定“签发”的签发人');
    expect((await transition('justice', id, { action: 'approve', opinion: '同意，请按程序办理', assigneeId: idOf('signer') })).body)
      .toMatchObject({ state: 'review', holderIds: [] });
    expect((await transition('signer', id, { action: 'sign', opinion: '同意印发' })).body).toMatchObject({ state: 'final' });

    const { entries } = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(entries.map((e) => [e.action, e.actorName, e.checkpoint, e.opinion])).toEqual([
      ['submit', '王撰稿', null, ''],
      ['approve', '李审核', '核稿', '已核，同意'],
      ['approve', '财政局孙', '会签', '同意'],
      ['approve', '发改委周', '会签', '无意见'],
      ['approve', '司法局吴', '会签', '同意，请按程序办理'],
      ['sign', '张主任', '签发', '同意印发'],
    ]);
    expect(entries[1].holders?.map((h) => h.name)).toEqual(['财政局孙', '发改委周', '司法局吴']);
    expect(entries.slice(1).every((e) => e.vouches)).toBe(true);
    const final = await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(final.signature).toMatchObject({ signerName: '张主任', opinion: '同意印发', contentHash: entries[5].contentHash });
    expect(final.signature?.signedAt).toBe(entries[5].at);
    // Past 会签 holders keep reading the piece.
    expect((await as('planning').request('GET', `/api/documents/${id}`)).status).toBe(200);
  });

  it('ends the step once when every holder approves at the same moment', async () => {
    await approveAllAtOnce(office, DEPTS);
  });

  it('returns the piece when one holder returns, and shows the reason to the writer', async () => {
    const id = await officialPiece('关于开展联合执法的通知');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeIds: [idOf('finance'), idOf('planning')] });
    await as('finance').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', opinion: '同意' });
    expect((await transition('planning', id, { action: 'return', comment: '第三段的经费来源请与财政局再核对。' })).body).toMatchObject({ state: 'returned' });
    const status = await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(status.lastReturn).toMatchObject({ byName: '发改委周', checkpoint: '会签', comment: '第三段的经费来源请与财政局再核对。' });
    expect((await as('planning').ok<Inbox>('GET', '/api/inbox')).toReview.map((i) => i.id)).not.toContain(id);
  });
});

describe('the writer\'s side', () => {
  it('withdraws a submission before its first holder acted, and not after', async () => {
    const id = await officialPiece('关于调整会议安排的通知');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    expect((await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`)).allowedActions).toEqual(['withdraw']);
    expect((await transition('reviewer', id, { action: 'withdraw' })).status).toBe(403);
    expect((await transition('writer', id, { action: 'withdraw', comment: '附件漏传' })).body).toMatchObject({ state: 'draft' });
    expect((await as('reviewer').ok<Inbox>('GET', '/api/inbox')).toReview.map((i) => i.id)).not.toContain(id);

    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeIds: [idOf('finance')] });
    const late = await transition('writer', id, { action: 'withdraw' });
    expect([late.status, late.body.error?.message]).toEqual([409, '审核人已经办理，不能撤回；如需修改，请联系当前办理人退回']);
  });

  it('reminds a holder who has had the piece past the set time, into their 待办 and the history', async () => {
    const id = await officialPiece('关于报送年度工作总结的通知');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    const early = await as('writer').request<{ error: { message: string } }>('POST', `/api/documents/${id}/remind`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/^送达未满 \d+ 分钟，暂不能催办/);
    expect((await as('reviewer').request('POST', `/api/documents/${id}/remind`, {})).status).toBe(403);

    await new Promise((resolve) => setTimeout(resolve, 1_900));
    const before = (await as('reviewer').ok<Inbox>('GET', '/api/inbox')).toReview.find((i) => i.id === id);
    expect(before?.remindedAt).toBeNull();
    const reminded = await as('writer').ok<{ holderIds: string[]; at: string }>('POST', `/api/documents/${id}/remind`, { comment: '明天上午要印发，请尽快审核。' });
    expect(reminded.holderIds).toEqual([idOf('reviewer')]);
    const after = (await as('reviewer').ok<Inbox>('GET', '/api/inbox')).toReview.find((i) => i.id === id);
    expect(after).toMatchObject({ remindedAt: reminded.at, since: before?.since });
    expect((await as('writer').request('POST', `/api/documents/${id}/remind`, {})).status).toBe(409);

    const { entries } = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(entries.at(-1)).toMatchObject({ action: 'remind', actorName: '王撰稿', comment: '明天上午要印发，请尽快审核。', holders: [{ name: '李审核' }] });
    const status = await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(status.reminder).toMatchObject({ allowed: false, lastAt: reminded.at });
    // A reminder moves nothing: the reviewer still approves as before.
    expect((await transition('reviewer', id, { action: 'approve', assigneeIds: [idOf('finance')] })).status).toBe(200);
  });
});
