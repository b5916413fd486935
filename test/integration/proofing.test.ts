import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ApiClient, startDeskServer, type RunningServer } from '../support/server';
import type { HistoryEntry } from '../../src/shared/review';
import type { IgnoredFinding, ProofingLists, ProofreadResponse } from '../../src/shared/proofing';
import iconv from 'iconv-lite';
import { listVersion, type PlacedFinding } from '../../src/core/proofing';
import type { ListImport } from '../../src/shared/proofing';
import { $getRoot, $isTextNode } from 'lexical';
import { connectClient } from '../support/collabClient';

let server: RunningServer;
let admin: ApiClient;
const people: Record<string, { client: ApiClient; id: string }> = {};

async function person(username: string, roles: string[]): Promise<void> {
  const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', { username, password: `${username}-pass`, displayName: username, roles });
  people[username] = { id: user.id, client: await new ApiClient(server.url).login(username, `${username}-pass`) };
}
const as = (username: string): ApiClient => people[username].client;

beforeAll(async () => {
  server = await startDeskServer();
  admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  await person('writer', ['writer']);
  await person('reviewer', ['reviewer']);
  await person('signer', ['signer']);
});
afterAll(async () => { await server.dispose(); });

describe('POST /api/proofread', () => {
  it('returns findings in UTF-16 offsets of the text, recognizing title and closing lines', async () => {
    const text = '关于开展检查的通知\n各部门：\n为进一步规范工作,现通知如下。\n截止目前，已完成“四个一“工作\n党政办公室\n2023年09月10日';
    const { findings } = await as('writer').ok<ProofreadResponse>('POST', '/api/proofread', { text });
    expect(findings.map((f) => [f.rule, text.slice(f.start, f.end), f.suggestions[0]])).toEqual([
      ['punctuation.halfwidth', ',', '，'],
      ['phrasing', '截止目前', '截至目前'],
      ['punctuation.unpaired', '“', '”'],
      ['punctuation.endStop', '作', '作。'],
      ['number.date', '2023年09月10日', '2023年9月10日'],
    ]);
    expect((await new ApiClient(server.url).request('POST', '/api/proofread', { text })).status).toBe(401);
    expect((await as('writer').request('POST', '/api/proofread', { nope: 1 })).status).toBe(400);
  });
});

describe('the admin-managed lists', () => {
  it('ships a default 规范表述 dictionary, lets only an admin replace a list, and proofreads with it', async () => {
    const lists = await as('writer').ok<ProofingLists>('GET', '/api/proofing/lists');
    expect(lists.phrasing.length).toBeGreaterThan(100);
    expect(lists.sensitive).toEqual([]);
    expect(lists.typos).toEqual([]);
    const leaders = [{ name: '张建国', titles: ['党工委书记'], rank: 1 }, { name: '李文华', titles: ['管委会主任'], rank: 2 }];
    expect((await as('writer').request('PUT', '/api/proofing/lists/leaders', { entries: leaders })).status).toBe(403);
    expect((await admin.request('PUT', '/api/proofing/lists/leaders', { entries: [{ name: '' }] })).status).toBe(400);
    await admin.ok('PUT', '/api/proofing/lists/leaders', { entries: leaders });
    await admin.ok('PUT', '/api/proofing/lists/sensitive', { entries: [{ word: '内部资料' }] });
    const { findings } = await as('writer').ok<ProofreadResponse>('POST', '/api/proofread', { text: '管委会主任张建国强调，此件为内部资料。' });
    expect(findings.map((f) => f.rule)).toEqual(['leader.title', 'sensitive']);
  });
});

describe('错别字', () => {
  it('flags typos of the shipped dictionary and of the office’s list, and keeps the office’s exceptions silent', async () => {
    const text = '党员干部要严于律已，著眼末来。\n前往周未村调研沂河心区建设。';
    const before = await as('writer').ok<ProofreadResponse>('POST', '/api/proofread', { text });
    expect(before.findings.filter((f) => f.rule.startsWith('typo')).map((f) => [text.slice(f.start, f.end), f.severity, f.suggestions[0]]))
      .toEqual([['严于律已', 'error', '严于律己'], ['末来', 'error', '未来'], ['周未', 'warning', '周末']]);
    expect((await admin.request('PUT', '/api/proofing/lists/typos', { entries: [{ wrong: '己', right: '已' }] })).status).toBe(400);
    await admin.ok('PUT', '/api/proofing/lists/typos', { entries: [{ wrong: '沂河心区', right: '沂河新区' }, { wrong: '周未村', right: '' }] });
    const after = await as('writer').ok<ProofreadResponse>('POST', '/api/proofread', { text });
    expect(after.findings.filter((f) => f.rule.startsWith('typo')).map((f) => text.slice(f.start, f.end))).toEqual(['严于律已', '末来', '沂河心区']);
    await admin.ok('PUT', '/api/proofing/lists/typos', { entries: [] });
  });
});

describe('importing a list from a spreadsheet', () => {
  const post = async (token: string, name: string, filename: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), filename);
    const response = await fetch(`${server.url}/api/proofing/lists/${name}/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: await response.json() as unknown };
  };

  it('reads a GBK CSV into entries for the admin’s draft, saving nothing; writers may not', async () => {
    const csv = iconv.encode('敏感词,说明\r\n内部资料,非涉密系统\r\n绝密,\r\n', 'gbk');
    const saved = (await as('writer').ok<ProofingLists>('GET', '/api/proofing/lists')).sensitive;
    const { status, body } = await post(admin.token, 'sensitive', '敏感词.csv', csv);
    expect(status).toBe(200);
    expect(body as ListImport<'sensitive'>).toEqual({ entries: [{ word: '内部资料', note: '非涉密系统' }, { word: '绝密' }], rows: 2, skipped: [] });
    expect((await as('writer').ok<ProofingLists>('GET', '/api/proofing/lists')).sensitive).toEqual(saved);
    expect((await post(as('writer').token, 'sensitive', '敏感词.csv', csv)).status).toBe(403);
    expect((await post(admin.token, 'sensitive', '敏感词.txt', csv)).status).toBe(400);
    expect((await post(admin.token, 'roster', '名单.csv', csv)).status).toBe(400);
  });
});

describe('the submit and sign gate', () => {
  it('refuses submit while an error is neither fixed nor ignored, then stores the report with the transition', async () => {
    const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
      title: '关于报送信息的通知', kind: 'info',
      blocks: [{ type: 'paragraph', text: '创新实施“四个一“工作机制。' }, { type: 'paragraph', text: '各单位要再接再厉。' }],
    });
    const refused = await as('writer').request<{ error: { message: string } }>('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: people.reviewer.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^审校发现 1 处错误未处理：“.*四个一.*”引号方向用错/);

    const run = await as('writer').ok<{ findings: Array<PlacedFinding & { ignored: boolean }> }>('GET', `/api/documents/${id}/proofing`);
    const error = run.findings.find((f) => f.severity === 'error');
    if (!error) throw new Error('no error found');
    expect(error).toMatchObject({ scope: 'body', paragraph: 0, ignored: false });
    const ignored = await as('writer').ok<IgnoredFinding>('POST', `/api/documents/${id}/proofing/ignored`,
      { scope: error.scope, rule: error.rule, start: error.start, end: error.end, text: error.text });
    expect(ignored).toMatchObject({ fingerprint: error.fingerprint, ignoredByName: 'writer', excerpt: '“' });
    expect((await as('signer').request('POST', `/api/documents/${id}/proofing/ignored`,
      { scope: 'body', rule: error.rule, start: 0, end: 1, text: error.text })).status).toBe(403);
    const list = await as('reviewer').request<{ ignored: IgnoredFinding[] }>('GET', `/api/documents/${id}/proofing/ignored`);
    expect(list.status).toBe(403); // not yet in review: the reviewer may not read the piece

    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: people.reviewer.id });
    const { entries } = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(entries[0].proofReport).toMatchObject({ error: 0, warning: 0, hint: 0, ignored: 1 });
    // The report names what the run checked against: the rules and each list's content.
    const lists = await as('writer').ok<ProofingLists>('GET', '/api/proofing/lists');
    expect(entries[0].proofReport?.versions).toMatchObject({
      engine: '3', phrasing: listVersion(lists.phrasing), leaders: listVersion(lists.leaders), typos: listVersion([]),
      dictionary: expect.stringMatching(/^[0-9a-f]{14}$/),
    });
    expect((await as('reviewer').ok<{ ignored: IgnoredFinding[] }>('GET', `/api/documents/${id}/proofing/ignored`)).ignored).toHaveLength(1);

    // Approve is not gated (it vouches for the same content); sign is, and passes with the ignore standing.
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: people.signer.id });
    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
    const after = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(after.entries.map((e) => [e.action, e.proofReport?.ignored ?? null])).toEqual([['submit', 1], ['approve', null], ['sign', 1]]);
  });

  it('refuses submit over a certain 错别字 (严于律已), naming it, and passes once the writer fixes it', async () => {
    const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
      title: '关于加强作风建设的通知', kind: 'info', blocks: [{ type: 'paragraph', text: '党员干部要严于律已，带头遵守各项规定。' }],
    });
    const submit = (): Promise<{ status: number; body: { error: { message: string } } }> =>
      as('writer').request('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: people.reviewer.id });
    const refused = await submit();
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^审校发现 1 处错误未处理：.*严于律已.*严于律己/);
    const run = await as('writer').ok<{ findings: PlacedFinding[] }>('GET', `/api/documents/${id}/proofing`);
    expect(run.findings.filter((f) => f.severity === 'error')).toMatchObject([{ rule: 'typo.word', start: 5, end: 9, suggestions: ['严于律己'] }]);

    // The writer fixes it in the editor, as typing would: over the collaboration socket.
    const writer = connectClient(server.wsUrl, id, as('writer').token);
    try {
      await writer.synced();
      writer.editor.update(() => {
        for (const node of $getRoot().getAllTextNodes()) {
          if ($isTextNode(node) && node.getTextContent().includes('严于律已')) node.setTextContent(node.getTextContent().replace('严于律已', '严于律己'));
        }
      }, { discrete: true });
      await writer.acknowledged();
    } finally {
      writer.destroy();
    }
    expect((await as('writer').ok<{ text: string }>('GET', `/api/documents/${id}/content`)).text).toContain('严于律己');
    expect((await submit()).status).toBe(200);
    const { entries } = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(entries[0]).toMatchObject({ action: 'submit', proofReport: { error: 0 } });
  });

  it('refuses sign when the roster changed since and an error appeared: the signer returns the piece', async () => {
    const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
      title: '会议信息', kind: 'info', blocks: [{ type: 'paragraph', text: '会议由赵明同志主持。' }],
    });
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: people.reviewer.id });
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: people.signer.id });
    await admin.ok('PUT', '/api/proofing/lists/phrasing', { entries: [{ wrong: '赵明同志', right: '赵明', severity: 'error' }] });
    const refused = await as('signer').request<{ error: { message: string } }>('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('审校发现 1 处错误');
    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '请按审校意见修改' });
  });
});
