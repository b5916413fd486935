/**
 * An audit entry's details in words: each stored key has a Chinese label and a way to read its value
 * (people by name, documents by title, states, kinds, roles and layouts in words); a few actions read
 * a key their own way. Opaque values (file ids, fingerprints) are left out.
 */
import type { AuditDetail, AuditFilter } from '../../shared/audit';
import { auditActionLabel } from '../../shared/audit';
import { KIND_LABELS } from '../../core/domain/kinds';
import { EVENT_LABELS, OUTLET_KIND_LABELS, OUTLET_LEVEL_LABELS } from '../../shared/ledger';
import { ROLE_LABELS } from '../../core/domain/roles';
import { DEFAULT_CHAINS, STATE_NAMES, type CheckpointChain } from '../../core/domain/workflow';
import { RULE_GROUP_NAMES } from '../../core/proofing/types';
import { defaultTargets } from '../../core/targets/defaults';

/** The names an entry's ids stand for, looked up beforehand for a page of entries. */
export interface AuditNames {
  user(id: string): string | undefined;
  document(id: string): { title: string; kind: string; deleted: boolean; chain: CheckpointChain | null } | undefined;
  submission(id: string): { title: string; documentId: string | null; outlet: string } | undefined;
  outlet(id: string): string | undefined;
  version(id: string): string | undefined;
}

interface Context { action: string; detail: Record<string, unknown>; names: AuditNames; documentId: string | null }
/** Reads one value; null leaves the detail out. */
type Reader = (value: unknown, context: Context) => string | null;
interface Field { label: string; read?: Reader }

const lookup = (table: Readonly<Record<string, string>>): Reader => (value) => (typeof value === 'string' ? table[value] ?? value : plain(value));
const each = (read: Reader): Reader => (value, context) =>
  (Array.isArray(value) ? value.map((v) => read(v, context) ?? '').filter(Boolean).join('、') || '无' : read(value, context));
const short = (id: string): string => id.slice(0, 8);
const userName: Reader = (value, { names }) => (typeof value === 'string' ? names.user(value) ?? short(value) : null);
const documentTitle: Reader = (value, { names }) => {
  if (typeof value !== 'string') return null;
  const document = names.document(value);
  return document ? `${document.title}${document.deleted ? '（已删除）' : ''}` : short(value);
};
const outletName: Reader = (value, { names }) => (typeof value === 'string' ? names.outlet(value) ?? short(value) : null);
const omit: Reader = () => null;
const TARGET_NAMES: Readonly<Record<string, string>> = Object.fromEntries(defaultTargets().map((t) => [t.key, t.name]));

/** A value without a reader of its own. */
function plain(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(plain).filter(Boolean).join('、');
  return JSON.stringify(value);
}

const checkpointName: Reader = (value, { names, documentId }) => {
  if (typeof value !== 'string') return null;
  const document = documentId ? names.document(documentId) : undefined;
  const chain = document?.chain ?? (document && document.kind in DEFAULT_CHAINS ? DEFAULT_CHAINS[document.kind as keyof typeof DEFAULT_CHAINS] : null);
  return chain?.checkpoints.find((c) => c.key === value)?.name ?? value;
};

const chainText: Reader = (value) => {
  if (typeof value !== 'object' || value === null) return plain(value);
  const { draftName, checkpoints } = value as Partial<CheckpointChain>;
  return [draftName ?? '起草', ...(Array.isArray(checkpoints) ? checkpoints.map((c) => c.name) : [])].join(' → ');
};

const FILTER_LABELS: Record<keyof AuditFilter, string> = { user: '操作人', action: '操作', document: '文稿', title: '文稿标题', from: '起', to: '止' };
const filterText: Reader = (value, context) => {
  if (typeof value !== 'object' || value === null) return '无';
  const parts = Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
    if (typeof v !== 'string' || !(key in FILTER_LABELS)) return [];
    const text = key === 'user' ? userName(v, context) : key === 'document' ? documentTitle(v, context)
      : key === 'action' ? auditActionLabel(v.split(':')[0], { status: v.split(':')[1] }) : v;
    return [`${FILTER_LABELS[key as keyof AuditFilter]} ${text ?? v}`];
  });
  return parts.length > 0 ? parts.join('，') : '无（全部记录）';
};

const FIELDS: Readonly<Record<string, Field>> = {
  from: { label: '原状态', read: lookup(STATE_NAMES) },
  to: { label: '新状态', read: lookup(STATE_NAMES) },
  state: { label: '状态', read: lookup(STATE_NAMES) },
  checkpoint: { label: '环节', read: checkpointName },
  assigneeId: { label: '办理人', read: userName },
  holderIds: { label: '会签人/被催办人', read: each(userName) },
  opinion: { label: '审核/签发意见' },
  userId: { label: '用户', read: userName },
  contentHash: { label: '内容指纹', read: (v) => (typeof v === 'string' ? v.slice(0, 12) : null) },
  kind: { label: '类型', read: lookup(KIND_LABELS) },
  versionId: { label: '版本', read: (v, { names }) => (typeof v === 'string' ? names.version(v) ?? short(v) : null) },
  chain: { label: '流程', read: chainText },
  roles: { label: '角色', read: each(lookup(ROLE_LABELS)) },
  disabled: { label: '账号', read: (v) => (v === true ? '停用' : v === false ? '启用' : null) },
  displayName: { label: '显示名称' },
  password: { label: '密码', read: (v) => (v ? '已重置' : null) },
  reason: { label: '原因' },
  comment: { label: '意见' },
  submissions: { label: '报送记录', read: (v) => (typeof v === 'number' ? `${v} 条` : plain(v)) },
  fields: { label: '修改内容', read: each(lookup({ title: '标题', properties: '文稿属性' })) },
  layout: { label: '版式', read: lookup({ official: '公文', info: '政务信息', manuscript: '文稿' }) },
  final: { label: '稿件', read: (v) => (v === true ? '定稿' : v === false ? '草稿' : null) },
  fileName: { label: '文件名' },
  filename: { label: '文件名' },
  file: { label: '文件', read: omit },
  fingerprint: { label: '指纹', read: omit },
  blocks: { label: '段落数' },
  documentId: { label: '文稿', read: documentTitle },
  outlets: { label: '报送单位/媒体', read: each(outletName) },
  outletIds: { label: '报送单位/媒体', read: each(outletName) },
  targetKeys: { label: '报送目标', read: each(lookup(TARGET_NAMES)) },
  status: { label: '状态', read: lookup(EVENT_LABELS) },
  at: { label: '日期' },
  rows: { label: '导入条数' },
  skipped: { label: '跳过条数' },
  outletsAdded: { label: '新增刊物与媒体' },
  name: { label: '名称' },
  level: { label: '级别', read: lookup(OUTLET_LEVEL_LABELS) },
  entries: { label: '条目数' },
  rule: { label: '规则', read: (v) => (typeof v === 'string' ? RULE_GROUP_NAMES[v.split('.')[0] as keyof typeof RULE_GROUP_NAMES] ?? v : null) },
  username: { label: '用户名' },
  address: { label: '地址' },
  forwardedFor: { label: '转发地址' },
  keyId: { label: '密钥指纹' },
  earlierEntries: { label: '此前的记录', read: (v) => (typeof v === 'number' && v > 0 ? `${v} 条（按哈希链校验）` : null) },
  earlierHead: { label: '此前的链头', read: omit },
  earlierIntact: {
    label: '此前的哈希链',
    read: (v, { detail }) => (detail.earlierEntries === 0 ? null : v === true ? '完整' : v === false ? '不完整' : null),
  },
  filters: { label: '筛选条件', read: filterText },
};

const BY_ACTION: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
  'document.rescue': { from: { label: '原文稿', read: documentTitle } },
  'setup.admin': { from: { label: '方式', read: () => '由 WENGAO_ADMIN_PASSWORD 创建' } },
  'submission.event': { status: { label: '状态', read: omit } },
  'outlet.create': { kind: { label: '类别', read: lookup(OUTLET_KIND_LABELS) } },
  'outlet.update': {
    kind: { label: '类别', read: lookup(OUTLET_KIND_LABELS) },
    disabled: { label: '状态', read: (v) => (v === true ? '停用' : v === false ? '启用' : null) },
  },
  'auth.failed': { reason: { label: '原因', read: lookup({ password: '密码错误', 'unknown-user': '用户名不存在', disabled: '账号已停用' }) } },
  'audit.cutover': { reason: { label: '原因', read: lookup({ 'first-key': '首次启用审计密钥', 'new-key': '原密钥丢失，启用新密钥' }) } },
};

/** The details of one entry, in the order they were stored, each as label and words. */
export function describeDetails(action: string, detail: Record<string, unknown>, names: AuditNames, documentId: string | null): AuditDetail[] {
  const context: Context = { action, detail, names, documentId };
  return Object.entries(detail).flatMap(([key, value]) => {
    const field = BY_ACTION[action]?.[key] ?? FIELDS[key] ?? { label: key };
    if (value === null || value === undefined || value === '') return [];
    const text = (field.read ?? plain)(value, context);
    return text === null || text === '' ? [] : [{ label: field.label, value: text }];
  });
}
