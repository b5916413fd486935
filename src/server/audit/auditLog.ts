import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  target: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface Fields { at: string; actorId: string | null; action: string; target: string; detail: string }

/** The hash of an entry: over its previous entry's hash and its own fields, in a fixed order. */
export function entryHash(prevHash: string, fields: Fields): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, fields.at, fields.actorId, fields.action, fields.target, fields.detail]))
    .digest('hex');
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not hold, when not ok. */
  brokenAt?: number;
  reason?: string;
}

/**
 * The append-only audit log (logins, transitions, exports, role and permission changes). Each entry
 * carries the hash of the previous one, so a changed, inserted or deleted entry is detectable.
 * Appends are serialized in this process, which owns the chain's tail.
 */
export class AuditLog {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  append(actorId: string | null, action: string, target: string, detail: Record<string, unknown> = {}): Promise<void> {
    const run = this.tail.then(async () => {
      const last = await this.db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      const fields: Fields = { at: new Date().toISOString(), actorId, action, target, detail: JSON.stringify(detail) };
      const prevHash = last?.hash ?? '';
      await this.db.insertInto('audit_log').values({
        at: fields.at, actor_id: actorId, action, target, detail: fields.detail,
        prev_hash: prevHash, hash: entryHash(prevHash, fields),
      }).execute();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  async list(limit = 500, before?: number): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
    if (before) query = query.where('id', '<', before);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: Number(r.id), at: r.at, actorId: r.actor_id, action: r.action, target: r.target,
      detail: JSON.parse(r.detail) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
    }));
  }

  /** Walks the whole chain from the first entry. */
  async verify(): Promise<AuditVerification> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    let prev = '';
    for (const row of rows) {
      if (row.prev_hash !== prev) return { ok: false, entries: rows.length, brokenAt: Number(row.id), reason: '与上一条记录的链接不符（有记录被删除或插入）' };
      const expected = entryHash(prev, { at: row.at, actorId: row.actor_id, action: row.action, target: row.target, detail: row.detail });
      if (row.hash !== expected) return { ok: false, entries: rows.length, brokenAt: Number(row.id), reason: '记录内容与其哈希不符（记录被修改）' };
      prev = row.hash;
    }
    return { ok: true, entries: rows.length };
  }
}
