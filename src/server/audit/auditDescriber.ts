/**
 * Audit entries as an auditor reads them: the action's Chinese name, who acted by name, the object
 * by title or name, the details in words. The names are looked up in a few queries per page.
 */
import type { Kysely } from 'kysely';
import { auditActionLabel, type AuditEntryView, type AuditFilter } from '../../shared/audit';
import { KIND_LABELS } from '../../core/domain/kinds';
import type { CheckpointChain } from '../../core/domain/workflow';
import type { Database } from '../db/schema';
import { checkpointChainColumn, documentChainColumn, type JsonColumn } from '../db/jsonColumns';
import { describeDetails, type AuditNames } from './auditDetails';
import type { AuditRow } from './auditQuery';

const PROOFING_LIST_NAMES: Readonly<Record<string, string>> = { phrasing: '规范表述', sensitive: '敏感词', leaders: '领导名单' };
const DOCUMENT_ACTIONS = /^(document\.|workflow\.(submit|approve|return|sign|reopen|withdraw|remind)$|version\.restore$|proofing\.(ignore|unignore)$)/;
const USER_ACTIONS = /^(auth\.|setup\.admin$|user\.)/;
const CHUNK = 500;

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** An audit page still shows a piece whose chain is corrupt: its checkpoints go unnamed, not the page. */
function parseChain(column: JsonColumn<CheckpointChain>, text: string | null, rowKey: string): CheckpointChain | null {
  if (!text) return null;
  try {
    return column.parse(text, rowKey);
  } catch {
    return null;
  }
}

/** Every string an entry may use as an id: actor, target (a 报送登记 names several rows), id-valued details. */
function candidateIds(row: AuditRow, detail: Record<string, unknown>): string[] {
  const ids = [row.actor_id ?? '', ...row.target.split(',')];
  for (const value of Object.values(detail)) {
    if (typeof value === 'string') ids.push(value);
    else if (Array.isArray(value)) ids.push(...value.filter((v): v is string => typeof v === 'string'));
    else if (typeof value === 'object' && value !== null) ids.push(...Object.values(value).filter((v): v is string => typeof v === 'string'));
  }
  return ids.filter((id) => id.length >= 8 && id.length <= 64);
}

async function lookupNames(db: Kysely<Database>, ids: string[]): Promise<AuditNames> {
  const users = new Map<string, string>();
  const documents = new Map<string, { title: string; kind: string; deleted: boolean; chain: CheckpointChain | null }>();
  const submissions = new Map<string, { title: string; documentId: string | null; outlet: string }>();
  const outlets = new Map<string, string>();
  const versions = new Map<string, string>();
  const chains = new Map((await db.selectFrom('checkpoint_chains').select(['kind', 'chain']).execute()).map((c) => [c.kind, parseChain(checkpointChainColumn, c.chain, c.kind)]));
  for (const part of chunks(ids)) {
    const [u, d, s, o, v] = await Promise.all([
      db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', part).execute(),
      db.selectFrom('documents').select(['id', 'title', 'kind', 'deleted_at', 'chain']).where('id', 'in', part).execute(),
      db.selectFrom('ledger_submissions').innerJoin('outlets', 'outlets.id', 'ledger_submissions.outlet_id')
        .select(['ledger_submissions.id', 'ledger_submissions.title', 'ledger_submissions.document_id', 'outlets.name'])
        .where('ledger_submissions.id', 'in', part).execute(),
      db.selectFrom('outlets').select(['id', 'name']).where('id', 'in', part).execute(),
      db.selectFrom('versions').select(['id', 'name']).where('id', 'in', part).execute(),
    ]);
    for (const r of u) users.set(r.id, r.display_name);
    for (const r of d) documents.set(r.id, { title: r.title, kind: r.kind, deleted: r.deleted_at !== null, chain: parseChain(documentChainColumn, r.chain, r.id) ?? chains.get(r.kind) ?? null });
    for (const r of s) submissions.set(r.id, { title: r.title, documentId: r.document_id, outlet: r.name });
    for (const r of o) outlets.set(r.id, r.name);
    for (const r of v) versions.set(r.id, r.name);
  }
  return {
    user: (id) => users.get(id),
    document: (id) => documents.get(id),
    submission: (id) => submissions.get(id),
    outlet: (id) => outlets.get(id),
    version: (id) => versions.get(id),
  };
}

/** What an entry is about, in words, and the document behind it. */
function subject(row: AuditRow, detail: Record<string, unknown>, names: AuditNames): { label: string; documentId: string | null } {
  const { action, target } = row;
  const short = target.slice(0, 8);
  if (action === 'auth.failed') return { label: (target && names.user(target)) || String(detail.username ?? ''), documentId: null };
  if (USER_ACTIONS.test(action)) return { label: names.user(target) ?? short, documentId: null };
  if (DOCUMENT_ACTIONS.test(action)) {
    const document = names.document(target);
    return { label: document ? `${document.title}${document.deleted ? '（已删除）' : ''}` : short, documentId: document ? target : null };
  }
  if (action.startsWith('submission.')) {
    const rows = target.split(',').map((id) => names.submission(id)).filter((s) => s !== undefined);
    if (rows.length === 0) return { label: short, documentId: null };
    const titles = [...new Set(rows.map((s) => s.title))];
    const label = titles.map((title) => `${title} → ${rows.filter((s) => s.title === title).map((s) => s.outlet).join('、')}`).join('；');
    const documentId = rows.find((s) => s.documentId)?.documentId ?? (typeof detail.documentId === 'string' ? detail.documentId : null);
    return { label, documentId };
  }
  if (action === 'defaults.update') return { label: `${KIND_LABELS[target as keyof typeof KIND_LABELS] ?? target}默认信息`, documentId: null };
  if (action === 'workflow.chain') return { label: `${KIND_LABELS[target as keyof typeof KIND_LABELS] ?? target}审核流程`, documentId: null };
  if (action.startsWith('outlet.')) return { label: names.outlet(target) ?? short, documentId: null };
  if (action === 'targets.update') return { label: `${target} 年度目标`, documentId: null };
  if (action === 'proofing.list') return { label: PROOFING_LIST_NAMES[target] ?? target, documentId: null };
  if (action.startsWith('audit.')) return { label: '审计日志', documentId: null };
  return { label: names.user(target) ?? names.document(target)?.title ?? target, documentId: null };
}

/** Turns stored entries into readable ones, in the same order. */
export async function describeEntries(db: Kysely<Database>, rows: AuditRow[]): Promise<AuditEntryView[]> {
  const details = rows.map((row) => parseDetail(row.detail));
  const names = await lookupNames(db, [...new Set(rows.flatMap((row, i) => candidateIds(row, details[i])))]);
  return rows.map((row, i) => {
    const detail = details[i];
    const { label, documentId } = subject(row, detail, names);
    return {
      id: Number(row.id),
      at: row.at,
      actorId: row.actor_id,
      actorName: row.actor_id ? names.user(row.actor_id) ?? row.actor_id.slice(0, 8) : null,
      action: row.action,
      actionLabel: auditActionLabel(row.action, detail),
      target: row.target,
      targetLabel: label,
      documentId,
      details: describeDetails(row.action, detail, names, documentId),
      detail,
      signed: row.mac !== null,
      prevHash: row.prev_hash,
      hash: row.hash,
    };
  });
}

/** A filter in words, as the export's 说明 sheet and the audit.export entry read it. */
export async function describeFilter(db: Kysely<Database>, filter: AuditFilter): Promise<string> {
  const names = await lookupNames(db, [filter.user, filter.document].filter((id): id is string => typeof id === 'string'));
  return describeDetails('audit.export', { filters: filter }, names, null)[0]?.value ?? '无（全部记录）';
}
