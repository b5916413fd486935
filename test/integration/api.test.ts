import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';

let server: RunningServer;
let admin: ApiClient;
let alice: ApiClient;
let bob: ApiClient;
let aliceId: string;

beforeAll(async () => {
  server = await startDeskServer();
  ({ admin, writers: [alice, bob], ids: [aliceId] } = await createWriters(server, 'alice', 'bob'));
});
afterAll(() => server.dispose());

const anonymous = (): ApiClient => new ApiClient(server.url);

describe('login and sessions', () => {
  it('answers a wrong password with 401 and slows repeated failures down without locking the owner out', async () => {
    const wrong = await anonymous().request('POST', '/api/auth/login', { username: 'bob', password: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: '用户名或密码错误' } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      statuses.push((await anonymous().request('POST', '/api/auth/login', { username: 'bob', password: `guess${i}` })).status);
      if (i === 4) expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // The right password still gets in, after the account's delay (test/integration/loginLockout.test.ts).
    expect((await anonymous().request('POST', '/api/auth/login', { username: 'bob', password: 'bob-pass' })).status).toBe(200);
  });

  it('stores no plain passwords or tokens', async () => {
    const { default: SQLite } = await import('better-sqlite3');
    const db = new SQLite(`${server.dataDir}/wengao.db`, { readonly: true });
    const hashes = db.prepare('select password_hash from users').all() as Array<{ password_hash: string }>;
    const tokens = db.prepare('select token_hash from sessions').all() as Array<{ token_hash: string }>;
    db.close();
    expect(hashes.every((h) => h.password_hash.startsWith('scrypt$') && !h.password_hash.includes(ADMIN_PASSWORD))).toBe(true);
    expect(tokens.map((t) => t.token_hash)).not.toContain(alice.token);
  });

  it('ends the session on logout', async () => {
    const session = await new ApiClient(server.url).login('alice', 'alice-pass');
    expect((await session.request('GET', '/api/me')).status).toBe(200);
    await session.ok('POST', '/api/auth/logout');
    expect((await session.request('GET', '/api/me')).status).toBe(401);
  });

  it('refuses calls without a token', async () => {
    expect((await anonymous().request('GET', '/api/documents')).status).toBe(401);
  });
});

describe('users', () => {
  it('lets only an admin create users, and disabling one ends their sessions', async () => {
    const denied = await alice.request('POST', '/api/users', { username: 'mallory', password: 'mallory-pass', displayName: 'M', roles: ['admin'] });
    expect(denied.status).toBe(403);
    const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', {
      username: 'carol', password: 'carol-pass', displayName: '李审核', roles: ['reviewer', 'signer'],
    });
    const carol = await new ApiClient(server.url).login('carol', 'carol-pass');
    const me = await carol.ok<{ user: { roles: string[]; displayName: string } }>('GET', '/api/me');
    expect(me.user).toMatchObject({ displayName: '李审核', roles: ['reviewer', 'signer'] });
    await admin.ok('PATCH', `/api/users/${user.id}`, { disabled: true });
    expect((await carol.request('GET', '/api/me')).status).toBe(401);
    const login = await anonymous().request<{ error: { message: string } }>('POST', '/api/auth/login', { username: 'carol', password: 'carol-pass' });
    expect(login.status).toBe(403);
    expect(login.body.error.message).toContain('停用');
  });

  it('rejects a duplicate username with 409 and a short password with 400', async () => {
    expect((await admin.request('POST', '/api/users', { username: 'alice', password: 'long-enough', displayName: 'A', roles: [] })).status).toBe(409);
    expect((await admin.request('POST', '/api/users', { username: 'dave', password: 'short', displayName: 'D', roles: [] })).status).toBe(400);
  });

  it('resets a password', async () => {
    const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', { username: 'erin', password: 'erin-pass-1', displayName: 'E', roles: ['writer'] });
    await admin.ok('PATCH', `/api/users/${user.id}`, { password: 'erin-pass-2' });
    expect((await anonymous().request('POST', '/api/auth/login', { username: 'erin', password: 'erin-pass-1' })).status).toBe(401);
    expect((await anonymous().request('POST', '/api/auth/login', { username: 'erin', password: 'erin-pass-2' })).status).toBe(200);
  });
});

describe('documents', () => {
  it('creates, lists with filters, renames, deletes to the recycle bin and restores', async () => {
    const info = await alice.ok<{ id: string; properties: Record<string, unknown> }>('POST', '/api/documents', {
      title: '沂河新区“四个一”机制推动重点项目提速增效', kind: 'info', properties: { 期号: '第45期', 编发单位: '沂河新区党政办公室' },
    });
    expect(info.properties).toEqual({ 期号: '第45期', 编发单位: '沂河新区党政办公室' });
    await alice.ok('POST', '/api/documents', { title: '2023年工作总结', kind: 'comprehensive' });
    const byKind = await alice.ok<{ documents: Array<{ title: string }> }>('GET', '/api/documents?kind=info');
    expect(byKind.documents.map((d) => d.title)).toEqual(['沂河新区“四个一”机制推动重点项目提速增效']);
    const byText = await alice.ok<{ documents: Array<{ title: string }> }>('GET', `/api/documents?q=${encodeURIComponent('工作总结')}`);
    expect(byText.documents.map((d) => d.title)).toEqual(['2023年工作总结']);
    // The search text is taken literally: % and _ are not wildcards.
    await alice.ok('POST', '/api/documents', { title: '完成率100%的项目', kind: 'media' });
    const literal = await alice.ok<{ documents: Array<{ title: string }> }>('GET', `/api/documents?q=${encodeURIComponent('0%的')}`);
    expect(literal.documents.map((d) => d.title)).toEqual(['完成率100%的项目']);
    expect((await alice.ok<{ documents: unknown[] }>('GET', `/api/documents?q=${encodeURIComponent('%')}`)).documents).toHaveLength(1);
    const byOwner = await admin.ok<{ documents: Array<{ ownerId: string }> }>('GET', `/api/documents?owner=${aliceId}`);
    expect(byOwner.documents.length).toBeGreaterThanOrEqual(2);
    expect(byOwner.documents.every((d) => d.ownerId === aliceId)).toBe(true);

    await alice.ok('PATCH', `/api/documents/${info.id}`, { title: '重点项目提速增效' });
    const listed = await alice.ok<{ documents: Array<{ id: string; title: string }> }>('GET', '/api/documents');
    expect(listed.documents[0]).toMatchObject({ id: info.id, title: '重点项目提速增效' });

    await alice.ok('DELETE', `/api/documents/${info.id}`);
    const after = await alice.ok<{ documents: Array<{ id: string }> }>('GET', '/api/documents');
    expect(after.documents.map((d) => d.id)).not.toContain(info.id);
    const bin = await alice.ok<{ documents: Array<{ id: string }> }>('GET', '/api/documents?deleted=true');
    expect(bin.documents.map((d) => d.id)).toContain(info.id);
    await alice.ok('POST', `/api/documents/${info.id}/restore`);
    const restored = await alice.ok<{ documents: Array<{ id: string }> }>('GET', '/api/documents');
    expect(restored.documents.map((d) => d.id)).toContain(info.id);
  });

  it('keeps another user\'s document out of reach (403) and an unknown one is 404', async () => {
    const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '私稿', kind: 'media' });
    expect((await bob.request('GET', `/api/documents/${id}`)).status).toBe(403);
    expect((await bob.request('GET', `/api/documents/${id}/content`)).status).toBe(403);
    expect((await bob.request('PATCH', `/api/documents/${id}`, { title: '改' })).status).toBe(403);
    expect((await bob.request('GET', '/api/documents?q=私稿')).body).toEqual({ documents: [] });
    expect((await alice.request('GET', '/api/documents/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    // An admin reads it but may not change it.
    expect((await admin.request('GET', `/api/documents/${id}`)).status).toBe(200);
    expect((await admin.request('PATCH', `/api/documents/${id}`, { title: '管理员改' })).status).toBe(403);
  });

  it('lets an invited collaborator in, and nobody but the owner invites', async () => {
    const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '合写', kind: 'comprehensive' });
    const users = await bob.ok<{ users: Array<{ id: string; username: string }> }>('GET', '/api/users');
    const bobId = users.users.find((u) => u.username === 'bob')?.id;
    expect((await bob.request('POST', `/api/documents/${id}/collaborators`, { userId: bobId })).status).toBe(403);
    const detail = await alice.ok<{ collaborators: Array<{ username: string }> }>('POST', `/api/documents/${id}/collaborators`, { userId: bobId });
    expect(detail.collaborators.map((c) => c.username)).toEqual(['bob']);
    const seen = await bob.ok<{ access: { canEdit: boolean; canManage: boolean } }>('GET', `/api/documents/${id}`);
    expect(seen.access).toMatchObject({ canEdit: true, canManage: false, canComment: true });
  });

  it('seeds the body from blocks and reads it back through headless Lexical', async () => {
    const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', {
      title: '关于进一步规范政务信息报送工作的通知', kind: 'official',
      blocks: [
        { type: 'paragraph', level: 1, text: '一、提高思想认识' },
        { type: 'paragraph', text: '政务信息是党委、政府了解情况的重要依据。' },
        { type: 'paragraph', level: 2, text: '（一）报送内容。围绕新区发展思路。' },
      ],
    });
    const content = await alice.ok<{ text: string; json: { root: { children: Array<{ level: number }> } } }>('GET', `/api/documents/${id}/content`);
    expect(content.text).toBe('一、提高思想认识\n政务信息是党委、政府了解情况的重要依据。\n（一）报送内容。围绕新区发展思路。');
    expect(content.json.root.children.map((c) => c.level)).toEqual([1, 0, 2]);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await alice.request('POST', '/api/documents', '{"title": 标题');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'bad_request' } });
    const huge = await alice.request('POST', '/api/documents', { title: 'x', kind: 'info', blocks: [{ type: 'paragraph', text: '字'.repeat(800_000) }] });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('names the field that is wrong', async () => {
    const res = await alice.request<{ error: { message: string } }>('POST', '/api/documents', { title: '无类别', kind: 'poem' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('类别的取值无效');
  });

  it('still serves after all of that', async () => {
    expect((await anonymous().request('GET', '/api/health')).body).toEqual({ ok: true });
  });
});

describe('number registers', () => {
  it('proposes the next 发文字号 and 期号 of the year and warns about a number used twice', async () => {
    const official = async (number: string) => (await alice.ok<{ id: string }>('POST', '/api/documents', {
      title: `通知${number}`, kind: 'official', properties: { 发文字号: number, 成文日期: '2023年9月10日' },
    })).id;
    await official('沂新办发〔2023〕12号');
    await official('沂新办发〔2022〕30号');
    const clash = await official('沂新办发〔2023〕12号');
    const report = await alice.ok<{ suggestions: Record<string, string>; duplicates: Record<string, Array<{ title: string }>> }>('GET', `/api/documents/${clash}/registers`);
    expect(report.suggestions.发文字号).toBe('沂新办发〔2023〕13号');
    expect(report.duplicates.发文字号?.map((d) => d.title)).toEqual(['通知沂新办发〔2023〕12号']);

    await alice.ok('POST', '/api/documents', { title: '第45期', kind: 'info', properties: { 期号: '第45期', 日期: '2023年9月18日' } });
    const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '下一期', kind: 'info', properties: { 日期: '2023年9月25日' } });
    const info = await alice.ok<{ suggestions: Record<string, string>; duplicates: Record<string, unknown> }>('GET', `/api/documents/${id}/registers`);
    expect(info).toEqual({ suggestions: { 期号: '第46期' }, duplicates: {} });
  });
});
