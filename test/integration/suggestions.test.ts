import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { $createSuggestionNode } from '../../src/core/suggestions/SuggestionNode';
import type { ApiClient, RunningServer } from '../support/server';
import { waitFor, type CollabClient } from '../support/collabClient';
import { openOffice, type TestOffice } from '../support/office';
import type { DiffResponse, HistoryEntry, VersionContent, VersionSummary, WorkflowStatus } from '../../src/shared/review';
import { EDITS_REFUSED, parseCollabMessage } from '../../src/shared/collabMessages';
import type { ResolveSuggestionsResponse, SuggestionsResponse } from '../../src/shared/suggestions';
import { registerSuggesting } from '../../src/core/suggestions/capture';
import { $acceptSuggestion, $rejectSuggestion } from '../../src/core/suggestions/operations';

let server: RunningServer;
let office: TestOffice;

const as = (username: string): ApiClient => office.as(username);
const idOf = (username: string): string => office.idOf(username);

/** A 公文 piece (核稿 → 签发) submitted to the reviewer. */
async function pieceInReview(paragraphs: readonly string[] = ['请各单位于本月底前报送材料。']): Promise<string> {
  const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
    title: '关于报送年度工作总结的通知', kind: 'official', blocks: paragraphs.map((text) => ({ type: 'paragraph', text })),
  });
  await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
  return id;
}

/** Inserts `text` at `offset` of the first text of paragraph `index`, as typing there would. */
function typeAt(client: CollabClient, index: number, offset: number, text: string): void {
  client.editor.update(() => {
    const block = $getRoot().getChildren()[index];
    const node = $isElementNode(block) ? block.getFirstDescendant() : null;
    if ($isTextNode(node)) node.select(offset, offset).insertText(text);
  }, { discrete: true });
}

/** A client that is told when the server refuses its edits. */
function refusals(client: CollabClient): { refused: () => boolean } {
  let refused = false;
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    if (parseCollabMessage(payload)?.type === EDITS_REFUSED) refused = true;
  });
  return { refused: () => refused };
}

/** A holder's client in 修订 mode, as `username` with their display name. */
async function suggester(id: string, username: string, name: string): Promise<CollabClient> {
  const client = office.connect(id, username);
  await client.synced();
  registerSuggesting(client.editor, { id: idOf(username), name });
  return client;
}

const content = async (id: string): Promise<string> => (await as('writer').ok<{ text: string }>('GET', `/api/documents/${id}/content`)).text;
const listed = async (id: string, username = 'writer'): Promise<SuggestionsResponse['suggestions']> =>
  (await as(username).ok<SuggestionsResponse>('GET', `/api/documents/${id}/suggestions`)).suggestions;
const hasSuggestion = (client: CollabClient): boolean => JSON.stringify(client.editor.getEditorState().toJSON()).includes('"type":"suggestion"');

beforeAll(async () => {
  ({ server, office } = await openOffice());
});
afterAll(async () => {
  office?.close();
  await server.dispose();
});

describe('修订 on a piece in review', () => {
  it('stores the holder\'s suggestions, shows them to others, and refuses the holder\'s direct edit and anyone else\'s suggestion', async () => {
    const id = await pieceInReview();
    const writer = office.connect(id, 'writer');
    await writer.synced();
    const before = await as('reviewer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(before.suggestions).toEqual({ count: 0, authors: [] });

    const reviewer = await suggester(id, 'reviewer', '李审核');
    typeAt(reviewer, 0, 9, '工作');
    await reviewer.acknowledged();
    await waitFor(() => hasSuggestion(writer), 10_000, 'the writer to see the mark');
    const suggestions = await listed(id);
    expect(suggestions).toEqual([expect.objectContaining({ kind: 'insert', text: '工作', authorId: idOf('reviewer'), authorName: '李审核', paragraphIndex: 0 })]);
    // The original text is what the piece says until the suggestion is accepted.
    expect(await content(id)).toBe('请各单位于本月底前报送材料。');
    const status = await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(status.suggestions).toEqual({ count: 1, authors: [{ id: idOf('reviewer'), name: '李审核', count: 1 }] });
    expect(status.currentHash).toBe(before.currentHash);

    // The same holder without 修订: a direct edit is refused and not stored.
    const direct = office.connect(id, 'reviewer');
    await direct.synced();
    const directRefusals = refusals(direct);
    typeAt(direct, 0, 0, '直接改');
    await waitFor(directRefusals.refused, 10_000, 'the refusal of the direct edit');

    // Someone who is not the holder (here the writer) may not suggest either.
    const other = await suggester(id, 'writer', '王撰稿');
    const otherRefusals = refusals(other);
    typeAt(other, 0, 2, '另');
    await waitFor(otherRefusals.refused, 10_000, 'the refusal of the writer\'s suggestion');

    await server.restart();
    expect(await content(id)).toBe('请各单位于本月底前报送材料。');
    expect((await listed(id)).map((s) => s.text)).toEqual(['工作']);
  });

  it('hashes the original text at approve, refuses sign while suggestions are pending, and accepts and rejects through the API', async () => {
    const id = await pieceInReview(['第一段正文。', '第二段正文。']);
    const submitted = await as('reviewer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    const reviewer = await suggester(id, 'reviewer', '李审核');
    typeAt(reviewer, 0, 3, '甲');
    await reviewer.acknowledged();
    typeAt(reviewer, 1, 3, '乙');
    await reviewer.acknowledged();
    expect(await listed(id)).toHaveLength(2);

    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: idOf('signer') });
    const { entries } = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(entries.at(-1)).toMatchObject({ action: 'approve', contentHash: submitted.currentHash });

    const sign = await as('signer').request<{ error: { message: string } }>('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
    expect(sign.status).toBe(409);
    expect(sign.body.error.message).toContain('2 处修订未处理');
    expect(sign.body.error.message).toContain('李审核');

    // Only who may change the text now: the writer may not during review, no one may after 定稿.
    expect((await as('writer').request('POST', `/api/documents/${id}/suggestions/accept`, { all: true })).status).toBe(403);
    expect((await as('reviewer').request('POST', `/api/documents/${id}/suggestions/accept`, { all: true })).status).toBe(403);
    expect((await as('signer').request('POST', `/api/documents/${id}/suggestions/accept`, {})).status).toBe(400);

    const [first, second] = await listed(id, 'signer');
    const signerView = office.connect(id, 'signer');
    await signerView.synced();
    expect(await as('signer').ok<ResolveSuggestionsResponse>('POST', `/api/documents/${id}/suggestions/accept`, { ids: [first.id] }))
      .toEqual({ resolved: 1, pending: 1 });
    expect(await content(id)).toBe('第一段甲正文。\n第二段正文。');
    expect(await as('signer').ok<ResolveSuggestionsResponse>('POST', `/api/documents/${id}/suggestions/reject`, { authorId: second.authorId }))
      .toEqual({ resolved: 1, pending: 0 });
    await waitFor(() => !hasSuggestion(signerView), 10_000, 'open copies to see the change');
    expect(signerView.text()).toBe('第一段甲正文。\n第二段正文。');

    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
    expect((await as('writer').request('POST', `/api/documents/${id}/suggestions/reject`, { all: true })).status).toBe(409);

    // The history says what the signature covers: the reviewer's change the signer accepted, and the one rejected.
    const history = (await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`)).entries;
    expect(history.at(-1)).toMatchObject({ action: 'sign', actorName: '张主任' });
    expect(history.at(-1)?.decided?.map((d) => [d.text, d.authorName, d.accepted])).toEqual([['甲', '李审核', true], ['乙', '李审核', false]]);
    expect(history.find((e) => e.action === 'approve')?.decided).toEqual([]);
  });

  it('records what the holder accepted or rejected in the editor, and the holder\'s next action covers it', async () => {
    const id = await pieceInReview(['第一段正文。', '第二段正文。']);
    const reviewer = await suggester(id, 'reviewer', '李审核');
    typeAt(reviewer, 0, 3, '甲');
    await reviewer.acknowledged();
    typeAt(reviewer, 1, 3, '乙');
    await reviewer.acknowledged();
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: idOf('signer') });

    const signer = office.connect(id, 'signer');
    await signer.synced();
    const [first, second] = await listed(id, 'signer');
    signer.editor.update(() => { $acceptSuggestion(first.id); }, { discrete: true });
    await signer.acknowledged();
    signer.editor.update(() => { $rejectSuggestion(second.id); }, { discrete: true });
    await signer.acknowledged();
    expect(await content(id)).toBe('第一段甲正文。\n第二段正文。');

    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '请撰稿人再看一遍' });
    const history = (await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`)).entries;
    expect(history.at(-1)).toMatchObject({ action: 'return' });
    expect(history.at(-1)?.decided?.map((d) => [d.kind, d.text, d.accepted])).toEqual([['insert', '甲', true], ['insert', '乙', false]]);
  });
});

describe('修订 while drafting: a suggestion names who made it', () => {
  it('refuses a writer\'s suggestion under a colleague\'s id or name and stores none of it; their own goes through', async () => {
    const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
      title: '署名的修订', kind: 'info', blocks: [{ type: 'paragraph', text: '各街道要按时报送。' }],
    });
    await as('writer').ok('POST', `/api/documents/${id}/collaborators`, { userId: idOf('colleague') });
    const colleague = office.connect(id, 'colleague');
    await colleague.synced();

    // A modified client of 王撰稿 writes 修订 under 赵协作's id and name.
    const forger = office.connect(id, 'writer');
    await forger.synced();
    const forged = refusals(forger);
    registerSuggesting(forger.editor, { id: idOf('colleague'), name: '赵协作' });
    typeAt(forger, 0, 3, '务必');
    await waitFor(forged.refused, 10_000, 'the refusal of the forged suggestion');
    expect(await listed(id)).toEqual([]);
    // Nor can the forged copy be kept as a rescued draft.
    const state = Buffer.from(Y.encodeStateAsUpdate(forger.doc)).toString('base64');
    const rescue = await as('writer').request<{ error: { message: string } }>('POST', `/api/documents/${id}/rescue`, { state });
    expect(rescue.status).toBe(400);
    expect(rescue.body.error.message).toContain('署名为赵协作的修订');
    expect(colleague.text()).toBe('各街道要按时报送。');

    // Its own id under a colleague's name is refused too.
    const named = await suggester(id, 'writer', '赵协作');
    const renamed = refusals(named);
    typeAt(named, 0, 3, '务必');
    await waitFor(renamed.refused, 10_000, 'the refusal of the suggestion under another name');
    expect(await listed(id)).toEqual([]);

    // The writer's own, under their own name, is stored and shown.
    const honest = await suggester(id, 'writer', '王撰稿');
    typeAt(honest, 0, 3, '务必');
    await honest.acknowledged();
    await waitFor(() => hasSuggestion(colleague), 10_000, 'the colleague to see the honest mark');
    expect((await listed(id)).map((s) => [s.kind, s.text, s.authorId, s.authorName])).toEqual([['insert', '务必', idOf('writer'), '王撰稿']]);
    await server.restart();
    const [honestMark] = await listed(id);
    expect(honestMark.authorName).toBe('王撰稿');

    // 赵协作 rejects it, the server restarts (the body is unloaded), and 赵协作's copy brings the
    // suggestion back as it was (an undo does this): the server's stored history knows it was 王撰稿's.
    const back = office.connect(id, 'colleague');
    await back.synced();
    const backRefusals = refusals(back);
    back.editor.update(() => { $rejectSuggestion(honestMark.id); }, { discrete: true });
    await back.acknowledged();
    expect(await listed(id)).toEqual([]);
    await server.restart();
    const undo = office.connect(id, 'colleague');
    await undo.synced();
    const undoRefusals = refusals(undo);
    undo.editor.update(() => {
      const first = $getRoot().getFirstDescendant();
      if (!$isTextNode(first)) throw new Error('no text');
      const [, rest] = first.splitText(3);
      rest.insertBefore($createSuggestionNode('insert', {
        id: honestMark.id, authorId: honestMark.authorId, authorName: honestMark.authorName, at: honestMark.at,
      }).append($createTextNode('务必')));
    }, { discrete: true });
    await undo.acknowledged();
    expect(undoRefusals.refused()).toBe(false);
    expect(backRefusals.refused()).toBe(false);
    expect((await listed(id)).map((s) => [s.id, s.text, s.authorName])).toEqual([[honestMark.id, '务必', '王撰稿']]);
  });
});

describe('修订 after a rename', () => {
  it('keeps a page opened before an admin renamed its user writing 修订 under the name it knew', async () => {
    await office.person('renamed', '孙原名', ['writer']);
    const { id } = await as('renamed').ok<{ id: string }>('POST', '/api/documents', {
      title: '改名前打开的稿件', kind: 'info', blocks: [{ type: 'paragraph', text: '各街道要按时报送。' }],
    });
    const page = await suggester(id, 'renamed', '孙原名');
    const told = refusals(page);
    await office.admin.ok('PATCH', `/api/users/${idOf('renamed')}`, { displayName: '孙新名' });
    // The connection comes back (a network blip) and authenticates with the new name; the page still has the old.
    await page.offline();
    typeAt(page, 0, 3, '务必');
    page.online();
    await page.acknowledged(20_000);
    expect(told.refused()).toBe(false);
    expect((await listed(id, 'renamed')).map((s) => [s.text, s.authorName])).toEqual([['务必', '孙原名']]);
    // A name the user never had is still refused.
    const other = await suggester(id, 'renamed', '赵协作');
    const otherTold = refusals(other);
    typeAt(other, 0, 1, '另');
    await waitFor(otherTold.refused, 10_000, 'the refusal of a name the user never had');
  });
});

describe('修订 in versions', () => {
  it('对比 lists each side\'s pending suggestions and compares with them unapplied or applied; restoring a version brings its suggestions back as they were', async () => {
    const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
      title: '版本与修订', kind: 'official', blocks: [{ type: 'paragraph', text: '第一段正文。' }],
    });
    const writer = await suggester(id, 'writer', '王撰稿');
    typeAt(writer, 0, 3, '甲');
    await writer.acknowledged();
    const [suggested] = await listed(id);
    const saved = await as('writer').ok<VersionSummary>('POST', `/api/documents/${id}/versions`, { name: '含修订稿' });
    const version = await as('writer').ok<VersionContent>('GET', `/api/documents/${id}/versions/${saved.id}`);
    expect(version.lines).toEqual(['第一段正文。']);
    expect(version.suggestions.map((s) => [s.kind, s.text, s.authorName])).toEqual([['insert', '甲', '王撰稿']]);

    expect(await as('writer').ok<ResolveSuggestionsResponse>('POST', `/api/documents/${id}/suggestions/accept`, { all: true }))
      .toEqual({ resolved: 1, pending: 0 });
    const original = await as('writer').ok<DiffResponse>('GET', `/api/documents/${id}/diff?from=${saved.id}&to=current`);
    expect(original.view).toBe('original');
    expect(original.lines).toEqual([{ type: 'change', parts: [
      { type: 'equal', text: '第一段' }, { type: 'insert', text: '甲' }, { type: 'equal', text: '正文。' },
    ] }]);
    expect(original.suggestions.from.map((s) => s.id)).toEqual([suggested.id]);
    expect(original.suggestions.to).toEqual([]);
    const applied = await as('writer').ok<DiffResponse>('GET', `/api/documents/${id}/diff?from=${saved.id}&to=current&view=applied`);
    expect(applied.lines).toEqual([{ type: 'equal', text: '第一段甲正文。' }]);
    const bad = await as('writer').request<{ error: { message: string } }>('GET', `/api/documents/${id}/diff?from=${saved.id}&to=current&view=marked`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('对比内容');

    await as('writer').ok('POST', `/api/documents/${id}/versions/${saved.id}/restore`);
    await waitFor(() => hasSuggestion(writer), 10_000, 'the restored suggestion to reach open copies');
    expect(await content(id)).toBe('第一段正文。');
    expect(await listed(id)).toEqual([suggested]);
  });
});

describe('修订 on a long piece', () => {
  it('judges each keystroke of the holder on a 40,000-character body off the event loop, in well under a second', async () => {
    const paragraph = '今年以来，沂河新区坚持项目为王，强化要素保障，推动重点项目提速增效。'.repeat(6);
    const id = await pieceInReview(Array.from({ length: Math.ceil(40_000 / paragraph.length) }, () => paragraph));
    const reviewer = await suggester(id, 'reviewer', '李审核');
    const times: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const started = performance.now();
      typeAt(reviewer, 10 + i * 10, 5, '改');
      await reviewer.acknowledged(20_000);
      times.push(Math.round(performance.now() - started));
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`keystroke → acknowledged on 40,000 characters (ms): ${times.join(' ')}; median ${sorted[6]}, max ${sorted.at(-1)}`);
    expect(await listed(id)).toHaveLength(12);
    expect(sorted[6]).toBeLessThan(1_000);
  });
});
