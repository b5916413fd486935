import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from '../db/database';
import { AuditLog } from './auditLog';

let database: DeskDatabase;
let audit: AuditLog;

beforeEach(async () => {
  database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'wengao-audit-')) });
  audit = new AuditLog(database.db);
  await Promise.all([
    audit.append('u1', 'auth.login', 'u1'),
    audit.append('u1', 'document.create', 'd1', { kind: 'info' }),
    audit.append('u2', 'workflow.approve', 'd1', { hash: 'abc' }),
    audit.append(null, 'user.update', 'u3', { roles: ['admin'] }),
  ]);
});
afterEach(() => database.close());

describe('the audit chain', () => {
  it('links every entry to the one before and verifies', async () => {
    const entries = await audit.list();
    expect(entries).toHaveLength(4);
    expect(entries[3].prevHash).toBe('');
    expect(entries[0].prevHash).toBe(entries[1].hash);
    expect(await audit.verify()).toEqual({ ok: true, entries: 4 });
  });

  it('detects a changed entry', async () => {
    const [, , third] = (await audit.list()).reverse();
    await database.db.updateTable('audit_log').set({ detail: '{"hash":"forged"}' }).where('id', '=', third.id).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: third.id });
  });

  it('detects a deleted entry', async () => {
    const [, second] = (await audit.list()).reverse();
    await database.db.deleteFrom('audit_log').where('id', '=', second.id).execute();
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: second.id + 1 });
  });
});
