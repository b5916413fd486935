/**
 * The audit chain's arithmetic. Every entry stores `hash` = SHA-256 over the previous entry's hash
 * and its own fields (the plain chain, as before the key existed), and from the cutover on also
 * `mac` = HMAC-SHA256 with the audit key over its sequence number and that hash. The plain chain
 * finds an edited, inserted or deleted entry; the HMAC finds a chain someone rewrote and recomputed
 * without the key; recorded heads (seq + mac, kept outside the database) find a cut-off or rolled-back
 * tail, which a chain alone cannot.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../digest';
import type { AuditProblem, AuditVerification } from '../../shared/audit';

export interface EntryFields { at: string; actorId: string | null; action: string; target: string; detail: string }

/** A stored entry as verification reads it. */
export interface ChainRow extends EntryFields { id: number; prevHash: string; hash: string; mac: string | null }

/** A chain head recorded outside the database: the entry `seq` had this HMAC. */
export interface ChainHead { seq: number; mac: string; at: string; reason?: string }

export const CUTOVER_ACTION = 'audit.cutover';

/** The plain hash of an entry: over its previous entry's hash and its own fields, in a fixed order. */
export function entryHash(prevHash: string, fields: EntryFields): string {
  return sha256Hex(JSON.stringify([prevHash, fields.at, fields.actorId, fields.action, fields.target, fields.detail]));
}

/** The keyed signature of entry `seq` whose plain hash is `hash` (which covers everything before it). */
export function entryMac(key: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`wengao-audit-v1\n${seq}\n${hash}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const REASONS: Record<AuditProblem, (seq: number) => string> = {
  link: (seq) => `第 ${seq} 条记录与上一条的链接不符：有记录被删除或插入`,
  changed: (seq) => `第 ${seq} 条记录的内容与其哈希不符：记录被修改`,
  signature: (seq) => `第 ${seq} 条记录的密钥签名不符：日志被改动，且哈希被重新计算过（改动者没有审计密钥）`,
  unsigned: (seq) => `第 ${seq} 条记录没有密钥签名：它是在没有审计密钥的情况下写入的`,
  'wrong-key': () => '当前的审计密钥不是签署这份日志的密钥（密钥指纹不符），无法校验签名',
  head: (seq) => `第 ${seq} 条记录与此前记录的链头不符：日志被改写或回滚`,
  truncated: (seq) => `此前记录的链头包含第 ${seq} 条记录，但日志已没有这一条：日志末尾被删除`,
  'not-signed': () => '日志中没有带密钥签名的记录',
};

/**
 * Walks the chain in order, one row at a time (a long log is read in pages), then compares the
 * recorded heads. The first problem in chain order is reported; at one entry, the plain checks come
 * before the signature, so `signature` means the plain chain held up to that entry.
 */
export class ChainVerifier {
  private prev = '';
  private count = 0;
  private lastSeq = 0;
  private readonly macs = new Map<number, string>();
  private problem: { at: number; kind: AuditProblem } | null = null;

  /**
   * @param signedFrom the last cutover entry (null: none); from it on every entry must carry a valid HMAC
   * @param headSeqs the sequence numbers recorded heads name, whose stored HMACs are kept for comparison
   */
  constructor(
    private readonly key: Buffer,
    private readonly signedFrom: number | null,
    private readonly headSeqs: ReadonlySet<number>,
    private readonly keyMatches: (cutover: ChainRow) => boolean = () => true,
  ) {}

  push(row: ChainRow): void {
    this.count += 1;
    this.lastSeq = row.id;
    if (row.mac !== null && this.headSeqs.has(row.id)) this.macs.set(row.id, row.mac);
    const prev = this.prev;
    this.prev = row.hash;
    if (this.problem) return;
    if (row.prevHash !== prev) return this.fail(row.id, 'link');
    if (!sameHex(row.hash, entryHash(prev, row))) return this.fail(row.id, 'changed');
    if (this.signedFrom === null || row.id < this.signedFrom) return;
    if (row.mac === null) return this.fail(row.id, 'unsigned');
    if (!sameHex(row.mac, entryMac(this.key, row.id, row.hash))) {
      this.fail(row.id, row.id === this.signedFrom && !this.keyMatches(row) ? 'wrong-key' : 'signature');
    }
  }

  finish(heads: readonly ChainHead[]): AuditVerification {
    const base = { entries: this.count, heads: heads.length, ...(this.signedFrom !== null && { signedFrom: this.signedFrom }) };
    if (!this.problem && this.signedFrom === null && this.count > 0) this.problem = { at: this.lastSeq, kind: 'not-signed' };
    if (!this.problem) {
      for (const head of heads) {
        const stored = this.macs.get(head.seq);
        if (head.seq > this.lastSeq) this.problem = { at: head.seq, kind: 'truncated' };
        else if (stored === undefined || !sameHex(stored, head.mac)) this.problem = { at: head.seq, kind: 'head' };
        if (this.problem) break;
      }
    }
    if (!this.problem) return { ok: true, ...base };
    const { at, kind } = this.problem;
    return { ok: false, ...base, brokenAt: at, problem: kind, reason: REASONS[kind](at) };
  }

  private fail(at: number, kind: AuditProblem): void {
    this.problem = { at, kind };
  }
}
