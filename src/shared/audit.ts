/**
 * The audit log's HTTP contract: the one table of action names an auditor reads (also the filter's
 * choices), the query of `GET /api/audit` and its export, the readable entry, and what `verify` says.
 */
import { z } from 'zod';
import { isCalendarDate } from '../core/targets/dates';
import { EVENT_LABELS } from './ledger';

/** Actions as stored (`workflow.submit`), grouped as the filter shows them, with their Chinese names. */
export const AUDIT_ACTION_GROUPS: ReadonlyArray<{ name: string; actions: ReadonlyArray<readonly [key: string, label: string]> }> = [
  { name: '登录与账号', actions: [
    ['auth.login', '登录'], ['auth.local', '本机登录'], ['auth.failed', '登录失败'], ['setup.admin', '初始化管理员'],
    ['user.create', '新建用户'], ['user.update', '修改用户'],
  ] },
  { name: '文稿', actions: [
    ['document.create', '新建文稿'], ['document.update', '修改文稿'], ['document.delete', '删除文稿'], ['document.restore', '恢复文稿'],
    ['document.collaborator.add', '添加协作者'], ['document.collaborator.remove', '移除协作者'],
    ['document.import', '导入'], ['document.export', '导出'], ['document.rescue', '另存离线修改'], ['version.restore', '恢复版本'],
    ['document.targets', '设置报送目标'], ['document.derive', '派生文稿'],
  ] },
  { name: '审核', actions: [
    ['workflow.submit', '提交审核'], ['workflow.approve', '通过'], ['workflow.return', '退回'], ['workflow.sign', '签发'],
    ['workflow.reopen', '重新打开'], ['workflow.withdraw', '撤回'], ['workflow.remind', '催办'], ['workflow.chain', '修改审核流程'],
  ] },
  { name: '报送台账', actions: [
    ['submission.create', '报送登记'],
    ...Object.entries(EVENT_LABELS).map(([status, label]) => [`submission.event:${status}`, label] as const),
    ['submission.evidence', '上传佐证材料'], ['ledger.import', '导入台账'],
    ['outlet.create', '新增刊物与媒体'], ['outlet.update', '修改刊物与媒体'], ['targets.update', '修改年度目标'],
  ] },
  { name: '模板与约稿', actions: [
    ['template.create', '新建模板'], ['template.edit', '编辑模板正文'], ['template.update', '修改模板'], ['defaults.update', '修改默认信息'],
    ['commission.create', '登记约稿'], ['commission.answer', '答复约稿'], ['commission.cancel', '撤销约稿'], ['commission.restore', '恢复约稿'],
    ['commission.missed', '约稿未报'],
  ] },
  { name: '审校', actions: [['proofing.list', '修改审校词表'], ['proofing.ignore', '忽略审校发现'], ['proofing.unignore', '取消忽略']] },
  { name: '审计', actions: [['audit.cutover', '启用审计签名'], ['audit.export', '导出审计日志']] },
];

const LABELS: ReadonlyMap<string, string> = new Map(AUDIT_ACTION_GROUPS.flatMap((g) => g.actions));

/**
 * The key an entry files under: its action, except that a ledger event names its kind
 * (`submission.event:adopted`, 采用) because 采用 and 刊发 are different acts to an auditor.
 */
export function auditActionKey(action: string, detail: Record<string, unknown>): string {
  return action === 'submission.event' && typeof detail.status === 'string' ? `submission.event:${detail.status}` : action;
}

/** The Chinese name of an entry's action. */
export function auditActionLabel(action: string, detail: Record<string, unknown> = {}): string {
  return LABELS.get(auditActionKey(action, detail)) ?? LABELS.get(action) ?? '其他操作';
}

export function isAuditActionKey(key: string): boolean {
  return LABELS.has(key);
}

/**
 * A calendar day that names itself in every refusal (`开始日期的格式应为 YYYY-MM-DD`): the filter's
 * `from` and `to` are dates here, while FIELD_LABELS names those keys for the diff's versions.
 */
function calendarDate(label: string) {
  const message = `${label}的格式应为 YYYY-MM-DD`;
  return z.string({ error: message }).refine(isCalendarDate, message);
}

/** `GET /api/audit` and `GET /api/audit.xlsx`: every filter is optional; dates are Asia/Shanghai calendar days, both ends included. */
export const auditQuery = z.object({
  /** Entries this user made, and failed logins under their username. */
  user: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(64).refine(isAuditActionKey, '没有这种操作').optional(),
  /** Entries about this document, its ledger rows included. */
  document: z.string().min(1).max(64).optional(),
  /** Entries about documents (or manual ledger rows) whose title contains this text. */
  title: z.string().trim().min(1).max(100).optional(),
  from: calendarDate('开始日期').optional(),
  to: calendarDate('结束日期').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditFilter = Omit<AuditQuery, 'limit' | 'offset'>;

/** One labelled fact of an entry, in words: `{label: '办理人', value: '李审核'}`. */
export interface AuditDetail { label: string; value: string }

/** An audit entry as an auditor reads it, with the stored fields beside the words. */
export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string | null;
  /** Null when no user acted (the system, or a failed login). */
  actorName: string | null;
  action: string;
  actionLabel: string;
  target: string;
  targetLabel: string;
  /** The document the entry is about, when any (its ledger rows included). */
  documentId: string | null;
  details: AuditDetail[];
  detail: Record<string, unknown>;
  /** Carries an HMAC made with the audit key (entries from the cutover on). */
  signed: boolean;
  prevHash: string;
  hash: string;
}

/** A page of `GET /api/audit`, newest first. */
export interface AuditPage { entries: AuditEntryView[]; total: number; offset: number; limit: number }

/**
 * What breaks a verification: `link` an entry inserted or deleted, `changed` an entry edited,
 * `signature` an HMAC that does not match (the plain chain was recomputed without the key),
 * `unsigned` an entry after the cutover without an HMAC, `wrong-key` the key is not the one that
 * signed, `head` an entry that disagrees with a recorded chain head (rewritten), `truncated` a
 * recorded head past the end of the log, `not-signed` no signed entry at all.
 */
export type AuditProblem = 'link' | 'changed' | 'signature' | 'unsigned' | 'wrong-key' | 'head' | 'truncated' | 'not-signed';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The cutover: entries from here on are HMAC-signed; those before are checked as a plain SHA-256 chain. */
  signedFrom?: number;
  /** How many recorded chain heads were compared. */
  heads: number;
  /** The first entry that does not hold, when not ok. */
  brokenAt?: number;
  problem?: AuditProblem;
  /** In Chinese, for the auditor. */
  reason?: string;
}
