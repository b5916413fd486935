/**
 * Several instances (issue 17): three desk servers, each its own process, behind a round-robin
 * balancer, on one PostgreSQL and one Redis (WENGAO_DATABASE_URL, WENGAO_REDIS_URL). What one process
 * held before must hold across them: edits converge wherever they are typed, a transition on one
 * instance locks the writers on another at once (their updates refused and not stored), the title and
 * state announcements and the 待办 events reach users on other instances, the audit chain stays one
 * chain under concurrent transitions, the login-failure counts are shared, and an instance killed
 * with SIGKILL loses no acknowledged edit while its clients carry on through the balancer.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ApiClient, startDeskServer, type RunningServer } from '../support/server';
import { connectClient, waitFor, type CollabClient } from '../support/collabClient';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { startRedis, type TestRedis } from '../support/redis';
import { startBalancer, type Balancer } from '../support/balancer';
import { readEvents, type EventReader } from '../support/eventStream';
import { TestOffice } from '../support/office';
import { DOCUMENT_CHANGED, DOCUMENT_REMOVED, EDITS_REFUSED } from '../../src/shared/collabMessages';
import type { AuditVerification } from '../../src/shared/audit';

let postgres: TestPostgres | null = null;
let redis: TestRedis | null = null;
let balancer: Balancer | null = null;
const instances: RunningServer[] = [];
let office: TestOffice;
let dataDir = '';
const clients: CollabClient[] = [];
const streams: EventReader[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  if (!postgres || !redis) return;
  dataDir = mkdtempSync(join(tmpdir(), 'wengao-cluster-'));
  const env = { WENGAO_DATABASE_URL: await postgres.createDatabase(), WENGAO_REDIS_URL: redis.url, WENGAO_AUDIT_KEY: randomBytes(32).toString('hex') };
  // The first creates the schema and the admin; the other two start side by side on it.
  instances.push(await startDeskServer({ dataDir, env }));
  instances.push(...await Promise.all([startDeskServer({ dataDir, env }), startDeskServer({ dataDir, env })]));
  balancer = await startBalancer(instances.map((i) => i.port));
  const front = { ...instances[0], url: balancer.url, wsUrl: balancer.wsUrl };
  office = new TestOffice(front, await new ApiClient(balancer.url).login('admin', ADMIN_PASSWORD));
  await office.staff();
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of streams) s.close();
  await balancer?.close();
  await Promise.all(instances.map((i) => i.dispose()));
  await redis?.stop();
  await postgres?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** `username`'s API client on instance `i` (sessions live in PostgreSQL: one token for all). */
const at = (i: number, username: string): ApiClient => new ApiClient(instances[i].url, office.as(username).token);
/** A collaboration client on instance `i` directly. */
function connectAt(i: number, id: string, username: string): CollabClient {
  const client = connectClient(instances[i].wsUrl, id, office.as(username).token);
  clients.push(client);
  return client;
}
function heard(client: CollabClient): Array<{ type: string }> {
  const messages: Array<{ type: string }> = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => { messages.push(JSON.parse(payload) as { type: string }); });
  return messages;
}
const textAt = async (i: number, id: string): Promise<string> => (await at(i, 'writer').ok<{ text: string }>('GET', `/api/documents/${id}/content`)).text;

async function piece(text: string): Promise<string> {
  const { id } = await at(0, 'writer').ok<{ id: string }>('POST', '/api/documents', {
    title: '沂河新区重点项目提速增效', kind: 'info', properties: { 期号: '第45期' }, blocks: [{ type: 'paragraph', text }],
  });
  await at(0, 'writer').ok('POST', `/api/documents/${id}/collaborators`, { userId: office.idOf('colleague') });
  return id;
}

describe.skipIf((!hasPostgres() || !hasRedis()) && !process.env.CI)('three instances on PostgreSQL + Redis', () => {
  it('converges two writers on different instances, and a title change and a removal on a third reach both', async () => {
    const id = await piece('起首。');
    const writer = connectAt(0, id, 'writer');
    const colleague = connectAt(1, id, 'colleague');
    await Promise.all([writer.synced(), colleague.synced()]);
    const told = heard(colleague);
    for (let i = 0; i < 5; i++) {
      writer.type(`甲${i}`);
      colleague.type(`乙${i}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all([writer.acknowledged(), colleague.acknowledged()]);
    // Awareness (who is here, their cursor) crosses too.
    writer.provider.setAwarenessField('user', { name: '王撰稿' });
    await waitFor(() => [...(colleague.provider.awareness?.getStates().values() ?? [])].some((state) => JSON.stringify(state).includes('王撰稿')), 5_000, 'the writer\'s presence on B');
    await waitFor(() => writer.text() === colleague.text() && /乙4/.test(writer.text()) && /甲4/.test(colleague.text()), 10_000, 'the two copies to converge');
    const stored = await textAt(2, id);
    for (let i = 0; i < 5; i++) expect([stored.includes(`甲${i}`), stored.includes(`乙${i}`)]).toEqual([true, true]);
    await at(2, 'writer').ok('PATCH', `/api/documents/${id}`, { title: '沂河新区重点项目提速增效（二稿）' });
    await waitFor(() => told.some((m) => m.type === DOCUMENT_CHANGED), 5_000, 'the title change on instance B');
    // C's removal dialog names who has the piece open on B.
    const preview = await at(2, 'writer').ok<{ openBy: string[] }>('GET', `/api/documents/${id}/removal`);
    expect(preview.openBy).toEqual(['赵协作']);
    // Moved to the 回收站 on C, which has no copy of the piece open: the writers on A and B hear of it.
    await at(2, 'writer').ok('DELETE', `/api/documents/${id}`);
    await waitFor(() => told.some((m) => m.type === DOCUMENT_REMOVED), 5_000, 'the removal on instance B');
  });

  it('locks a writer on B when the piece is submitted through A: refused, not stored, and the holder on C hears of it', async () => {
    const id = await piece('送审前的正文。');
    const colleague = connectAt(1, id, 'colleague');
    await colleague.synced();
    // B has judged an edit of this piece as a draft: it holds the row, which the lock must make it forget.
    colleague.type('起草中。');
    await colleague.acknowledged();
    // A has the piece open too: the submit reads its copy, once brought up to what B has stored.
    const writer = connectAt(0, id, 'writer');
    await writer.synced();
    colleague.type('最后一句。');
    await colleague.acknowledged();
    const told = heard(colleague);
    const inbox = await readEvents(`${instances[2].url}/api/events`, { authorization: `Bearer ${office.as('reviewer').token}` });
    streams.push(inbox);
    await waitFor(() => inbox.events.length > 0, 5_000, 'the event stream on C');
    await at(0, 'writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: office.idOf('reviewer') });
    await waitFor(() => told.some((m) => m.type === DOCUMENT_CHANGED), 5_000, 'the state change on B');
    await waitFor(() => inbox.events.some((e) => e.type === 'piece-assigned'), 5_000, 'the 待办 event on C');
    // The submit has returned: B's connection is read-only already, so what it types now is refused.
    colleague.type('锁定后仍在B上写的字。');
    await waitFor(() => told.some((m) => m.type === EDITS_REFUSED), 5_000, 'the refusal on B');
    const submitted = '送审前的正文。起草中。最后一句。';
    expect(await textAt(2, id)).toBe(submitted);
    const reader = connectAt(2, id, 'writer');
    await reader.synced();
    expect(reader.text()).toBe(submitted);
    // The version the submit saved holds B's last acknowledged sentence.
    const { versions } = await at(1, 'writer').ok<{ versions: Array<{ id: string }> }>('GET', `/api/documents/${id}/versions`);
    const version = await at(1, 'writer').ok<{ lines: string[] }>('GET', `/api/documents/${id}/versions/${versions[versions.length - 1].id}`);
    expect(version.lines.join('')).toBe(submitted);
  });

  it('keeps one audit chain under concurrent transitions on all three instances', async () => {
    const ids = await Promise.all([0, 1, 2].map((n) => piece(`第${n}篇。`)));
    await Promise.all(ids.flatMap((id, n) => [0, 1, 2].map(async (i) => {
      if (i !== n) return;
      await at(i, 'writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: office.idOf('reviewer') });
    })));
    await Promise.all(ids.map((id, n) => at((n + 1) % 3, 'reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: `退回${n}` })));
    await Promise.all(ids.map((id, n) => at((n + 2) % 3, 'writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: office.idOf('reviewer') })));
    for (let i = 0; i < 3; i++) {
      const verification = await new ApiClient(instances[i].url, office.admin.token).ok<AuditVerification>('GET', '/api/audit/verify');
      expect(verification).toMatchObject({ ok: true });
    }
  });

  it('loses no acknowledged edit when an instance is killed mid-typing; its clients go on through the balancer', async () => {
    if (!balancer) throw new Error('no balancer');
    const id = await piece('开头。');
    const before = balancer.routed.length;
    const writer = connectClient(balancer.wsUrl, id, office.as('writer').token);
    clients.push(writer);
    await writer.synced();
    const victim = balancer.routed[before];
    const colleague = connectAt((victim + 1) % 3, id, 'colleague');
    await colleague.synced();
    for (let i = 0; i < 10; i++) writer.type(`前${i}`);
    await writer.acknowledged();
    // Typing goes on while the writer's instance is killed: some of these are acknowledged, some not yet.
    let n = 0;
    const typing = setInterval(() => writer.type(`中${n++}`), 15);
    await new Promise((r) => setTimeout(r, 300));
    await instances[victim].stop('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    clearInterval(typing);
    writer.type('重连后');
    await writer.acknowledged(30_000);
    // The writer's client came back through the balancer, to one of the two instances still running.
    const reconnections = balancer.routed.slice(before + 1);
    expect(reconnections.length).toBeGreaterThan(0);
    expect(reconnections).not.toContain(victim);
    const expected = [...Array.from({ length: 10 }, (_, i) => `前${i}`), ...Array.from({ length: n }, (_, i) => `中${i}`), '重连后'];
    await waitFor(() => expected.every((t) => colleague.text().includes(t)), 10_000, 'every edit on the colleague\'s instance');
    const stored = await textAt((victim + 2) % 3, id);
    for (const t of expected) expect(stored).toContain(t);
  });

  it('counts failed logins across the instances', async () => {
    if (!balancer) throw new Error('no balancer');
    // 20 wrong passwords from one address, spread round-robin over the three instances (each under the limit alone).
    for (let i = 0; i < 20; i++) {
      const { status } = await new ApiClient(balancer.url).request('POST', '/api/auth/login', { username: `guess${i}`, password: 'wrong-password' });
      expect(status).toBe(401);
    }
    const alive = instances.filter((s) => s.pid() !== undefined);
    for (const instance of alive) {
      const { status } = await new ApiClient(instance.url).request('POST', '/api/auth/login', { username: 'writer', password: 'writer-pass' });
      expect(status).toBe(429);
    }
  });
});

function hasPostgres(): boolean {
  try {
    return readdirSync('/usr/lib/postgresql').length > 0;
  } catch {
    return false;
  }
}

function hasRedis(): boolean {
  return existsSync('/usr/bin/redis-server');
}
