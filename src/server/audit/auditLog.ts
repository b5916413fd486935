import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import type { Dialect } from '../db/database';
import type { AuditEntryView, AuditFilter, AuditPage, AuditVerification } from '../../shared/audit';
import { ChainVerifier, CUTOVER_ACTION, entryHash, entryMac, type ChainHead, type ChainRow, type EntryFields } from './auditChain';
import { createAuditKey, findAuditKey, AUDIT_KEY_FILE, type AuditKey } from './auditKey';
import { appendHead, readHeads, AUDIT_HEADS_FILE } from './auditHeads';
import { queryAudit, queryAuditBefore } from './auditQuery';
import { describeEntries, describeFilter } from './auditDescriber';

export { entryHash } from './auditChain';

type AuditLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
const quiet: AuditLogger = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as AuditLogger;

export interface AuditLogOptions {
  key: AuditKey;
  dialect?: Dialect;
  /** The append-only file of chain heads; without it heads go to the log only. */
  headsFile?: string;
  /** A head every this many entries (default 100) … */
  headEvery?: number;
  /** … and every this many milliseconds when entries came in meanwhile (default 5 minutes). */
  headIntervalMs?: number;
  logger?: AuditLogger;
}

/** Why the cutover entry was written: the first key of this log, or a new one after the old was lost. */
export type CutoverReason = 'first-key' | 'new-key';

/** Several server instances on one PostgreSQL append to one chain: the chain's tail is taken under this lock. */
const APPEND_LOCK = 0x57474155;
/** Entries per page of an export, and rows per page of the chain's walk: a short turn of the event loop each (~10–20 ms). */
const PAGE = 500;

/**
 * Lets the event loop serve other requests before the next page. SQLite answers synchronously, so
 * awaiting its queries only runs microtasks: without this, reading a long log page by page would
 * still hold every other connection until the last page (2 s for 40,000 entries here).
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The append-only audit log (logins and failed logins, transitions, exports, role and permission
 * changes). Every entry continues the plain SHA-256 chain and, from the cutover on, carries an HMAC
 * made with the audit key; chain heads go to an append-only file and the server log every
 * `headEvery` entries, every `headIntervalMs` and at shutdown. Appends are serialized in this
 * process and, on PostgreSQL, across processes by an advisory lock.
 */
export class AuditLog {
  private tail: Promise<unknown> = Promise.resolve();
  private lastHeadSeq = 0;
  private lastSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly log: AuditLogger;

  constructor(private readonly db: Kysely<Database>, private readonly options: AuditLogOptions) {
    this.log = options.logger ?? quiet;
  }

  get keyId(): string {
    return this.options.key.id;
  }

  /**
   * Starts signing: appends the cutover entry when this log has none yet (a fresh log, or one written
   * before the key existed, whose entries stay verifiable as the plain chain the cutover signs over),
   * or a new one for `new-key`; then records heads periodically. Refuses a key that did not sign the log.
   */
  async start(reason?: CutoverReason): Promise<void> {
    const heads = this.heads();
    this.lastHeadSeq = heads.reduce((max, h) => Math.max(max, h.seq), 0);
    const cutover = await this.db.selectFrom('audit_log').selectAll().where('action', '=', CUTOVER_ACTION)
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (cutover && reason !== 'new-key') {
      const signedByThisKey = cutover.mac === entryMac(this.options.key.key, Number(cutover.id), cutover.hash);
      const recordedKeyId = (JSON.parse(cutover.detail) as { keyId?: unknown }).keyId;
      if (!signedByThisKey && recordedKeyId !== this.options.key.id) {
        throw new Error(`the audit key (id ${this.options.key.id}) is not the one that signed this audit log (id ${String(recordedKeyId)}): `
          + `restore the right key, or see README (Running a team server → audit key) if it is lost`);
      }
      if (!signedByThisKey) this.log.warn({ seq: Number(cutover.id) }, 'the audit cutover entry does not verify: the log was changed');
    } else if (!cutover && heads.length > 0 && reason !== 'new-key') {
      // Heads were recorded, so this log was signed once: someone removed its signed entries.
      this.log.error({ heads: heads.length }, 'the audit log has recorded heads but no signed entries: it was rewritten; not starting a new signed chain');
    } else {
      const legacy = await this.walk(null, []);
      const last = await this.db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      const seq = await this.append(null, CUTOVER_ACTION, '', {
        reason: reason ?? 'first-key', keyId: this.options.key.id, earlierEntries: legacy.entries,
        earlierHead: last?.hash ?? '', earlierIntact: legacy.ok || legacy.problem === 'not-signed',
      });
      await this.recordHead('cutover', seq);
      this.log.info({ seq, earlierEntries: legacy.entries, keyId: this.options.key.id }, 'audit log: signing with the audit key from here on');
    }
    const last = await this.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    this.lastSeq = last ? Number(last.id) : 0;
    this.timer = setInterval(() => {
      if (this.lastSeq > this.lastHeadSeq) this.recordHead('interval').catch((err: unknown) => this.log.error({ err }, 'could not record an audit chain head'));
    }, this.options.headIntervalMs ?? 5 * 60_000);
    this.timer.unref();
  }

  /** Appends one signed entry; resolves its sequence number once it is stored. */
  append(actorId: string | null, action: string, target: string, detail: Record<string, unknown> = {}): Promise<number> {
    const run = this.tail.then(async () => {
      const { seq, mac } = await this.db.transaction().execute(async (trx) => {
        if (this.options.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(APPEND_LOCK)})`.execute(trx);
        const last = await trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
        const id = last ? Number(last.id) + 1 : 1;
        const fields: EntryFields = { at: new Date().toISOString(), actorId, action, target, detail: JSON.stringify(detail) };
        const prevHash = last?.hash ?? '';
        const hash = entryHash(prevHash, fields);
        const signature = entryMac(this.options.key.key, id, hash);
        await trx.insertInto('audit_log').values({
          id, at: fields.at, actor_id: actorId, action, target, detail: fields.detail, prev_hash: prevHash, hash, mac: signature,
        }).execute();
        return { seq: id, mac: signature };
      });
      this.lastSeq = Math.max(this.lastSeq, seq);
      if (seq - this.lastHeadSeq >= (this.options.headEvery ?? 100)) this.writeHead({ seq, mac, at: new Date().toISOString(), reason: 'count' });
      return seq;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Records the chain's current head (the last signed entry, or `seq`) in the heads file and the log. */
  async recordHead(reason: string, seq?: number): Promise<ChainHead | null> {
    let query = this.db.selectFrom('audit_log').select(['id', 'mac']).where('mac', 'is not', null);
    if (seq !== undefined) query = query.where('id', '=', seq);
    const row = await query.orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!row?.mac || Number(row.id) <= this.lastHeadSeq) return null;
    const head = { seq: Number(row.id), mac: row.mac, at: new Date().toISOString(), reason };
    this.writeHead(head);
    return head;
  }

  /** One page of the filtered log, newest first, in words. */
  async page(filter: AuditFilter, limit: number, offset: number): Promise<AuditPage> {
    const { rows, total } = await queryAudit(this.db, filter, { limit, offset });
    return { entries: await describeEntries(this.db, rows), total, offset, limit };
  }

  /** The filter in words (for the export). */
  describeFilter(filter: AuditFilter): Promise<string> {
    return describeFilter(this.db, filter);
  }

  /**
   * Every entry that passes the filter (at most `max`), newest first, in words, a page of
   * PAGE at a time: each page is a short turn of the event loop, so a long export never
   * holds up other requests for long.
   */
  async *entryPages(filter: AuditFilter, max: number): AsyncGenerator<AuditEntryView[]> {
    let beforeId: number | null = null;
    for (let read = 0; read < max;) {
      const limit = Math.min(PAGE, max - read);
      const rows = await queryAuditBefore(this.db, filter, beforeId, limit);
      if (rows.length === 0) return;
      yield await describeEntries(this.db, rows);
      read += rows.length;
      beforeId = Number(rows[rows.length - 1].id);
      if (rows.length < limit) return;
      await nextTurn();
    }
  }

  /** Walks the whole chain: plain links and hashes, HMACs from the cutover on, then the recorded heads. */
  async verify(): Promise<AuditVerification> {
    // Heads first: every head read now names an entry that was stored before the walk begins.
    const heads = this.heads();
    const cutover = await this.db.selectFrom('audit_log').select('id').where('action', '=', CUTOVER_ACTION)
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    return this.walk(cutover ? Number(cutover.id) : null, heads);
  }

  /** Writes a last head and stops the timer. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tail;
    await this.recordHead('shutdown');
  }

  private heads(): ChainHead[] {
    return this.options.headsFile ? readHeads(this.options.headsFile) : [];
  }

  private writeHead(head: ChainHead): void {
    if (this.options.headsFile) appendHead(this.options.headsFile, head);
    this.lastHeadSeq = Math.max(this.lastHeadSeq, head.seq);
    this.log.info({ auditHead: head }, 'audit chain head');
  }

  private async walk(signedFrom: number | null, heads: ChainHead[]): Promise<AuditVerification> {
    const verifier = new ChainVerifier(this.options.key.key, signedFrom, new Set(heads.map((h) => h.seq)),
      (cutover) => (JSON.parse(cutover.detail) as { keyId?: unknown }).keyId === this.options.key.id);
    for (let after = 0; ;) {
      const rows = await this.db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
      for (const r of rows) {
        const row: ChainRow = {
          id: Number(r.id), at: r.at, actorId: r.actor_id, action: r.action, target: r.target, detail: r.detail,
          prevHash: r.prev_hash, hash: r.hash, mac: r.mac,
        };
        verifier.push(row);
        after = row.id;
      }
      if (rows.length < PAGE) break;
      await nextTurn();
    }
    return verifier.finish(heads);
  }
}

export interface OpenAuditLogOptions {
  dataDir: string;
  dialect?: Dialect;
  env?: NodeJS.ProcessEnv;
  logger?: AuditLogger;
  headEvery?: number;
  headIntervalMs?: number;
}

/**
 * The audit log of a data folder: its key (`WENGAO_AUDIT_KEY` or `<data>/audit.key`, made on first
 * start) and heads file (`<data>/audit-heads.log`), started. Refuses to start when the log is signed
 * but the key is missing, unless `WENGAO_AUDIT_NEW_KEY=1` says the old key is lost for good: a new
 * key then signs from a new cutover on.
 */
export async function openAuditLog(db: Kysely<Database>, options: OpenAuditLogOptions): Promise<AuditLog> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? quiet;
  let key = findAuditKey(options.dataDir, env);
  let reason: CutoverReason | undefined;
  if (!key) {
    const signed = await db.selectFrom('audit_log').select('id').where('mac', 'is not', null).limit(1).executeTakeFirst();
    if (signed && env.WENGAO_AUDIT_NEW_KEY !== '1') {
      throw new Error(`the audit log is signed but its key is missing: put the key (kept apart from the backups) into `
        + `${join(options.dataDir, AUDIT_KEY_FILE)} (mode 0600) or set WENGAO_AUDIT_KEY. If it is lost for good, start once with `
        + `WENGAO_AUDIT_NEW_KEY=1: a new key signs from then on, and earlier entries are checked as a plain chain and against the recorded heads`);
    }
    key = createAuditKey(options.dataDir);
    if (signed) reason = 'new-key';
    logger.warn({ file: join(options.dataDir, AUDIT_KEY_FILE), keyId: key.id }, 'created a new audit key: back it up apart from the data backups');
  }
  const log = new AuditLog(db, {
    key, dialect: options.dialect, headsFile: join(options.dataDir, AUDIT_HEADS_FILE), logger,
    headEvery: options.headEvery, headIntervalMs: options.headIntervalMs,
  });
  await log.start(reason);
  return log;
}
