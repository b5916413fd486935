/**
 * `GET /api/events` on the real server: who hears of a transition, a change or a share, and what the
 * log says about requests (issue 13).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ApiClient, startDeskServer, type RunningServer } from '../support/server';
import type { DeskEvent } from '../../src/shared/events';
import type { Inbox } from '../../src/shared/review';
import { readEvents, type EventReader } from '../support/eventStream';

let server: RunningServer;
let admin: ApiClient;
const people: Record<string, { client: ApiClient; id: string }> = {};
const streams: EventReader[] = [];

/** Opens the user's event stream as the app does: fetch with the Authorization header. */
async function listen(token: string): Promise<EventReader> {
  const reader = await readEvents(`${server.url}/api/events`, token ? { authorization: `Bearer ${token}` } : {});
  streams.push(reader);
  return reader;
}

async function person(username: string, roles: string[]): Promise<void> {
  const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', { username, password: `${username}-pass`, displayName: username, roles });
  people[username] = { id: user.id, client: await new ApiClient(server.url).login(username, `${username}-pass`) };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every listener's events after its hello, once nothing more arrives for a moment. */
async function settled(readers: Record<string, EventReader>): Promise<Record<string, DeskEvent[]>> {
  await new Promise((r) => setTimeout(r, 300));
  return Object.fromEntries(Object.entries(readers).map(([name, reader]) => [name, reader.events.filter((e) => e.type !== 'hello')]));
}

beforeAll(async () => {
  server = await startDeskServer({ env: { WENGAO_LOG_LEVEL: 'info' } });
  admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  await person('writer', ['writer']);
  await person('colleague', ['writer']);
  await person('reviewer', ['reviewer']);
  await person('signer', ['signer']);
  await person('bystander', ['writer', 'reviewer']);
});

afterAll(async () => {
  for (const s of streams) s.close();
  await server.dispose();
});

describe('the event stream', () => {
  it('needs the session token, and says hello first', async () => {
    const refused = await listen('');
    expect(refused.status).toBe(401);
    const stream = await listen(people.writer.client.token);
    expect(stream.status).toBe(200);
    await until(() => stream.events.length > 0, 'hello');
    expect(stream.events[0]).toEqual({ type: 'hello' });
  });

  it('tells each person what a transition means for them, and nobody else anything', async () => {
    const { id } = await people.writer.client.ok<{ id: string }>('POST', '/api/documents', {
      title: '关于推进“一网通办”的情况报告', kind: 'info', blocks: [{ type: 'paragraph', text: '今年以来，我区扎实推进政务服务改革。' }],
    });
    await people.writer.client.ok('POST', `/api/documents/${id}/collaborators`, { userId: people.colleague.id });
    const readers: Record<string, EventReader> = {};
    for (const name of ['writer', 'colleague', 'reviewer', 'signer', 'bystander']) readers[name] = await listen(people[name].client.token);
    await until(() => Object.values(readers).every((r) => r.events.length === 1), 'every hello');

    await people.writer.client.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: people.reviewer.id });
    expect(await settled(readers)).toEqual({
      writer: [{ type: 'inbox-changed' }],
      colleague: [],
      reviewer: [{ type: 'piece-assigned', documentId: id, title: '关于推进“一网通办”的情况报告', checkpointName: '信息审核', byName: 'writer' }],
      signer: [],
      bystander: [],
    });

    for (const r of Object.values(readers)) r.events.splice(1);
    await people.reviewer.client.ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '请补充数据。' });
    const returned = { type: 'piece-returned', documentId: id, title: '关于推进“一网通办”的情况报告', byName: 'reviewer', comment: '请补充数据。' };
    expect(await settled(readers)).toEqual({
      writer: [returned], colleague: [returned], reviewer: [{ type: 'inbox-changed' }], signer: [], bystander: [],
    });

    // Renamed while returned: it is in its writers' 待办, whose titles change.
    for (const r of Object.values(readers)) r.events.splice(1);
    await people.writer.client.ok('PATCH', `/api/documents/${id}`, { title: '关于推进“一网通办”的情况报告（修改稿）' });
    expect(await settled(readers)).toEqual({
      writer: [{ type: 'inbox-changed' }], colleague: [{ type: 'inbox-changed' }], reviewer: [], signer: [], bystander: [],
    });
  });

  it('ends with the server: stopping does not wait for open streams', async () => {
    const stream = await listen(people.writer.client.token);
    await until(() => stream.events.length === 1, 'hello');
    const started = Date.now();
    await server.stop();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
    await server.restart();
  });
});

describe('待办', () => {
  it('keeps a returned piece’s 送达时间 when the writer edits it, so it does not arrive again', async () => {
    const { id } = await people.writer.client.ok<{ id: string }>('POST', '/api/documents', {
      title: '退回后修改的稿件', kind: 'info', blocks: [{ type: 'paragraph', text: '第一段。' }],
    });
    await people.writer.client.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: people.reviewer.id });
    await people.reviewer.client.ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '请修改。' });
    const history = await people.writer.client.ok<{ entries: Array<{ action: string; at: string }> }>('GET', `/api/documents/${id}/history`);
    const returnedAt = history.entries.find((e) => e.action === 'return')?.at;
    await new Promise((r) => setTimeout(r, 20));
    await people.writer.client.ok('PATCH', `/api/documents/${id}`, { title: '退回后修改的稿件（二稿）' });
    const inbox = await people.writer.client.ok<Inbox>('GET', '/api/inbox');
    const item = inbox.returned.find((i) => i.id === id);
    expect(item?.title).toBe('退回后修改的稿件（二稿）');
    expect(item?.since).toBe(returnedAt);
  });
});

describe('the log', () => {
  it('has no line per request at info, and no Fastify deprecation warning', async () => {
    const before = server.output().length;
    for (let i = 0; i < 5; i++) await people.writer.client.ok('GET', '/api/inbox');
    await people.writer.client.request('GET', '/api/nothing-here');
    await new Promise((r) => setTimeout(r, 300));
    const lines = server.output().slice(before).split('\n').filter(Boolean);
    expect(lines).toEqual([]);
    expect(server.output()).not.toMatch(/FastifyDeprecation|FSTDEP/);
    expect(server.output()).not.toContain('incoming request');
  });
});
