/**
 * 审计日志 (admin): the append-only record of logins, transitions, exports and permission changes,
 * newest first, and 校验, which asks the server to check the hash chain.
 */
import { useEffect, useState } from 'react';
import { shortContentHash } from '../../../core/review/contentHash';
import { KIND_LABELS } from '../../../shared/kinds';
import { STATE_NAMES } from '../../../shared/workflow';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { reviewApi, type AuditEntryView, type AuditVerification } from '../../api/review';
import { formatFullTime } from '../../ui/format';
import { EmptyState, ErrorText, Loading } from '../../ui/Notice';
import './audit.css';

const ACTION_NAMES: Record<string, string> = {
  'auth.login': '登录', 'auth.local': '本机登录', 'setup.admin': '初始化管理员',
  'user.create': '新建用户', 'user.update': '修改用户（角色、权限）',
  'document.create': '新建文稿', 'document.update': '修改文稿', 'document.delete': '删除文稿', 'document.restore': '恢复文稿',
  'document.collaborator.add': '添加协作者', 'document.collaborator.remove': '移除协作者',
  'document.export': '导出', 'document.import': '导入', 'document.rescue': '另存离线修改', 'document.targets': '设置报送目标',
  'workflow.submit': '提交审核', 'workflow.approve': '通过', 'workflow.return': '退回', 'workflow.sign': '签发', 'workflow.reopen': '重新打开',
  'workflow.chain': '修改审核流程', 'version.restore': '恢复此版本',
  'comment.create': '添加批注', 'comment.reply': '回复批注', 'comment.edit': '编辑批注', 'comment.delete': '删除批注',
  'comment.resolve': '解决批注', 'comment.reopen': '重新打开批注',
};

const DETAIL_LABELS: Record<string, string> = {
  from: '原状态', to: '新状态', checkpoint: '环节', assigneeId: '办理人', userId: '用户', contentHash: '内容指纹',
  kind: '类型', versionId: '版本', chain: '流程', roles: '角色', disabled: '停用', title: '标题',
  reason: '原因', state: '状态', submissions: '报送记录', threadId: '批注', entryId: '条目', previousText: '原内容',
};
const STATES: Record<string, string> = STATE_NAMES;
const KINDS: Record<string, string> = KIND_LABELS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A readable value: people by name, states and kinds in words, ids and hashes shortened. */
function readable(key: string, value: unknown, names: Map<string, string>): string {
  if (typeof value === 'string') {
    if ((key === 'from' || key === 'to' || key === 'state') && STATES[value]) return STATES[value];
    if ((key === 'kind' || key === 'target') && KINDS[value]) return KINDS[value];
    if (names.has(value)) return names.get(value) ?? value;
    if (key === 'contentHash') return shortContentHash(value, 12);
    if (UUID.test(value)) return value.slice(0, 8);
    return value;
  }
  if (key === 'chain' && typeof value === 'object' && value !== null) {
    const checkpoints: unknown = Reflect.get(value, 'checkpoints');
    if (Array.isArray(checkpoints)) {
      return checkpoints.map((c: unknown) => (typeof c === 'object' && c !== null ? String(Reflect.get(c, 'name')) : '')).join(' → ');
    }
  }
  if (Array.isArray(value)) return value.map((v) => readable(key, v, names)).join('、');
  return JSON.stringify(value);
}

function detailText(detail: Record<string, unknown>, names: Map<string, string>): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${DETAIL_LABELS[k] ?? k}：${readable(k, v, names)}`)
    .join('；');
}

export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [names, setNames] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    reviewApi.audit().then(({ entries: list }) => setEntries([...list].sort((a, b) => b.id - a.id)),
      (e: unknown) => setError(errorMessage(e)));
    deskApi.listUsers().then(({ users }) => setNames(new Map(users.map((u) => [u.id, u.displayName]))), () => undefined);
  }, []);

  const verify = async (): Promise<void> => {
    setVerifying(true);
    try {
      setVerification(await reviewApi.verifyAudit());
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <main className="page">
      <div className="page-header">
        <h1>审计日志</h1>
        <div className="page-actions">
          <button type="button" className="button primary" disabled={verifying} onClick={() => void verify()}>校验</button>
        </div>
      </div>
      {verification && (verification.ok ? (
        <p className="audit-result ok" role="status" aria-label="校验结果">
          校验通过：{verification.entries} 条记录完整，未发现改动或删除。
        </p>
      ) : (
        <p className="audit-result broken" role="alert">
          校验未通过：第 {verification.brokenAt ?? '?'} 条记录起的链条不连续{verification.reason ? `（${verification.reason}）` : ''}，日志可能被改动或删除。
        </p>
      ))}
      <ErrorText message={error} />
      {!entries && !error && <Loading />}
      {entries && entries.length === 0 && <EmptyState>暂无记录</EmptyState>}
      {entries && entries.length > 0 && (
        <table className="doc-table audit-table">
          <thead>
            <tr><th>序号</th><th>时间</th><th>操作人</th><th>操作</th><th>对象</th><th>详情</th><th>指纹</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className={verification && !verification.ok && verification.brokenAt === e.id ? 'audit-broken' : undefined}>
                <td>{e.id}</td>
                <td className="nowrap">{formatFullTime(e.at)}</td>
                <td>{e.actorId ? names.get(e.actorId) ?? e.actorId : '系统'}</td>
                <td>{ACTION_NAMES[e.action] ?? e.action}</td>
                <td className="audit-target" title={e.target}>{readable('target', e.target, names)}</td>
                <td className="audit-detail" title={JSON.stringify(e.detail)}>{detailText(e.detail, names)}</td>
                <td><code className="hash" title={`本条 ${e.hash}\n上一条 ${e.prevHash}`}>{e.hash.slice(0, 10)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
