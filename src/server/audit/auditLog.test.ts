import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from '../db/database';
import { openAuditLog, type AuditLog } from './auditLog';
import { ChainVerifier, entryHash, type ChainRow } from './auditChain';
import { AUDIT_KEY_FILE } from './auditKey';
import { AUDIT_HEADS_FILE, readHeads } from './auditHeads';

let dataDir: string;
let database: DeskDatabase;
let audit: AuditLog;
const opened: AuditLog[] = [];

async function open(env: NodeJS.ProcessEnv = {}, headEvery = 1000): Promise<AuditLog> {
  const log = await openAuditLog(database.db, { dataDir, env, headEvery });
  opened.push(log);
  return log;
}

async function rows(): Promise<ChainRow[]> {
  return (await database.db.selectFrom('audit_log').selectAll().orderBy('id').execute()).map((r) => ({
    id: Number(r.id), at: r.at, actorId: r.actor_id, action: r.action, target: r.target, detail: r.detail,
    prevHash: r.prev_hash, hash: r.hash, mac: r.mac,
  }));
}

/** What the verification before the audit key did: the plain SHA-256 chain alone. */
async function plainChainHolds(): Promise<boolean> {
  const verifier = new ChainVerifier(Buffer.alloc(32), null, new Set());
  for (const row of await rows()) verifier.push(row);
  const result = verifier.finish([]);
  return result.ok || result.problem === 'not-signed';
}

/** The attack: an entry's fields changed in the database, and every later plain hash recomputed (no key needed). */
async function rewriteFrom(id: number, change: Partial<ChainRow>): Promise<void> {
  const all = await rows();
  let prev = all.find((r) => r.id === id - 1)?.hash ?? '';
  for (const row of all.filter((r) => r.id >= id)) {
    const fields = row.id === id ? { ...row, ...change } : row;
    const hash = entryHash(prev, fields);
    await database.db.updateTable('audit_log').set({ detail: fields.detail, action: fields.action, prev_hash: prev, hash } as never)
      .where('id', '=', row.id).execute();
    prev = hash;
  }
}

/** Plain entries as a desk before the audit key wrote them. */
async function insertLegacy(count: number): Promise<void> {
  let prev = '';
  for (let i = 0; i < count; i++) {
    const fields = { at: new Date(Date.UTC(2023, 0, 1 + i)).toISOString(), actorId: 'u1', action: 'auth.login', target: 'u1', detail: '{}' };
    const hash = entryHash(prev, fields);
    await database.db.insertInto('audit_log').values({
      at: fields.at, actor_id: 'u1', action: fields.action, target: fields.target, detail: fields.detail, prev_hash: prev, hash,
    }).execute();
    prev = hash;
  }
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wengao-audit-'));
  database = await openDatabase({ dataDir });
});
afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
  await database.close();
});

describe('the signed audit chain', () => {
  beforeEach(async () => {
    audit = await open();
    await Promise.all([
      audit.append('u1', 'auth.login', 'u1'),
      audit.append('u1', 'document.create', 'd1', { kind: 'info' }),
      audit.append('u2', 'workflow.approve', 'd1', { hash: 'abc' }),
      audit.append(null, 'user.update', 'u3', { roles: ['admin'] }),
    ]);
  });

  it('links every entry to the one before, signs from the cutover and verifies', async () => {
    const all = await rows();
    expect(all.map((r) => r.action)).toEqual(['audit.cutover', 'auth.login', 'document.create', 'workflow.approve', 'user.update']);
    expect(all[0].prevHash).toBe('');
    expect(all[2].prevHash).toBe(all[1].hash);
    expect(all.every((r) => /^[0-9a-f]{64}$/.test(r.mac ?? ''))).toBe(true);
    expect(await audit.verify()).toEqual({ ok: true, entries: 5, signedFrom: 1, heads: 1 });
  });

  it('creates the key file readable by the server alone', () => {
    const file = join(dataDir, AUDIT_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects a changed entry', async () => {
    await database.db.updateTable('audit_log').set({ detail: '{"hash":"forged"}' }).where('id', '=', 4).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 4, problem: 'changed' });
  });

  it('detects a deleted entry', async () => {
    await database.db.deleteFrom('audit_log').where('id', '=', 3).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 4, problem: 'link' });
  });

  it('detects a chain recomputed without the key, which the plain chain alone would pass', async () => {
    await rewriteFrom(4, { detail: '{"hash":"forged"}' });
    expect(await plainChainHolds()).toBe(true);
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, brokenAt: 4, problem: 'signature' });
    expect(result.reason).toContain('密钥签名不符');
  });

  it('detects an entry added without the key', async () => {
    const [last] = (await rows()).slice(-1);
    const fields = { at: new Date().toISOString(), actorId: 'u9', action: 'user.update', target: 'u9', detail: '{"roles":["admin"]}' };
    await database.db.insertInto('audit_log').values({
      at: fields.at, actor_id: 'u9', action: fields.action, target: fields.target, detail: fields.detail,
      prev_hash: last.hash, hash: entryHash(last.hash, fields),
    }).execute();
    expect(await plainChainHolds()).toBe(true);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 6, problem: 'unsigned' });
  });
});

describe('recorded chain heads', () => {
  beforeEach(async () => {
    audit = await open({}, 3);
    for (let i = 0; i < 7; i++) await audit.append('u1', 'auth.login', 'u1', { n: i });
  });

  it('are written to the heads file every N entries and at shutdown', async () => {
    expect(readHeads(join(dataDir, AUDIT_HEADS_FILE)).map((h) => [h.seq, h.reason])).toEqual([[1, 'cutover'], [4, 'count'], [7, 'count']]);
    await audit.append('u1', 'auth.login', 'u1');
    await audit.close();
    expect(readHeads(join(dataDir, AUDIT_HEADS_FILE)).map((h) => h.seq)).toEqual([1, 4, 7, 9]);
  });

  it('detect a truncated log, whose chain still holds', async () => {
    await database.db.deleteFrom('audit_log').where('id', '>', 5).execute();
    expect(await plainChainHolds()).toBe(true);
    expect(await audit.verify()).toMatchObject({ ok: false, problem: 'truncated', brokenAt: 7, heads: 3 });
  });

  it('detect a log rolled back and written on, whose signatures all hold', async () => {
    await database.db.deleteFrom('audit_log').where('id', '>', 5).execute();
    await audit.append('u1', 'auth.login', 'u1', { n: 'after the rollback' });
    await audit.append('u1', 'auth.login', 'u1', { n: 'after the rollback' });
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, problem: 'head', brokenAt: 7 });
    expect(result.reason).toContain('链头不符');
  });

  it('survive a torn last line', async () => {
    appendFileSync(join(dataDir, AUDIT_HEADS_FILE), '{"seq":9,"ma');
    await audit.append('u1', 'auth.login', 'u1');
    await audit.close();
    expect(readHeads(join(dataDir, AUDIT_HEADS_FILE)).map((h) => h.seq)).toEqual([1, 4, 7, 9]);
  });
});

describe('an installation from before the audit key', () => {
  it('keeps its plain entries verifiable up to a signed cutover that records them', async () => {
    await insertLegacy(3);
    audit = await open();
    await audit.append('u1', 'auth.login', 'u1');
    const all = await rows();
    expect(all.map((r) => r.mac === null)).toEqual([true, true, true, false, false]);
    expect(all[3]).toMatchObject({ action: 'audit.cutover', prevHash: all[2].hash });
    expect(JSON.parse(all[3].detail)).toMatchObject({ reason: 'first-key', earlierEntries: 3, earlierHead: all[2].hash, earlierIntact: true });
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 5, signedFrom: 4 });
  });

  it('finds a rewritten plain entry at the cutover, whose signature covers it', async () => {
    await insertLegacy(3);
    audit = await open();
    await rewriteFrom(2, { detail: '{"forged":true}' });
    expect(await plainChainHolds()).toBe(true);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 4, problem: 'signature' });
  });

  it('does not start a second chain over a signed log whose signed entries were removed', async () => {
    await insertLegacy(2);
    audit = await open();
    await audit.close();
    await database.db.deleteFrom('audit_log').where('mac', 'is not', null).execute();
    audit = await open();
    expect((await rows()).map((r) => r.action)).toEqual(['auth.login', 'auth.login']);
    expect(await audit.verify()).toMatchObject({ ok: false, problem: 'not-signed' });
  });
});

describe('the audit key', () => {
  it('is required once the log is signed; a new key only when asked, with a new cutover', async () => {
    audit = await open();
    await audit.append('u1', 'auth.login', 'u1');
    await audit.close();
    writeFileSync(join(dataDir, 'audit.key.lost'), readFileSync(join(dataDir, AUDIT_KEY_FILE)));
    const { rmSync } = await import('node:fs');
    rmSync(join(dataDir, AUDIT_KEY_FILE));
    await expect(open()).rejects.toThrow(/audit log is signed but its key is missing/);

    audit = await open({ WENGAO_AUDIT_NEW_KEY: '1' });
    const all = await rows();
    expect(all.map((r) => r.action)).toEqual(['audit.cutover', 'auth.login', 'audit.cutover']);
    expect(JSON.parse(all[2].detail)).toMatchObject({ reason: 'new-key', earlierEntries: 2, earlierIntact: true });
    expect(await audit.verify()).toMatchObject({ ok: true, signedFrom: 3 });
  });

  it('refuses a key that did not sign the log', async () => {
    audit = await open();
    await audit.close();
    await expect(open({ WENGAO_AUDIT_KEY: 'ab'.repeat(32) })).rejects.toThrow(/not the one that signed/);
  });

  it('is taken from WENGAO_AUDIT_KEY when set, and must be 64 hex digits', async () => {
    audit = await open({ WENGAO_AUDIT_KEY: 'cd'.repeat(32) });
    expect(await audit.verify()).toMatchObject({ ok: true });
    await expect(open({ WENGAO_AUDIT_KEY: 'short' })).rejects.toThrow(/64 hex digits/);
  });
});
