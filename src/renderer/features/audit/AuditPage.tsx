/**
 * 审计日志 (admin): the append-only record of logins and failed logins, transitions, exports and
 * permission changes, newest first and in words; filtered and paged by the server, exported as
 * .xlsx, and 校验, which asks the server to check the signed chain against the recorded heads.
 */
import { useCallback, useState } from 'react';
import type { AuditEntryView, AuditFilter, AuditVerification } from '../../../shared/audit';
import { errorMessage } from '../../api/client';
import { useUsers } from '../documents/useUsers';
import { useLoad } from '../../ui/useLoad';
import { saveBytes } from '../../platform/desk';
import { XLSX_FILTER, XLSX_MIME } from '../../platform/fileTypes';
import { EmptyState, ErrorText, Loading } from '../../ui/Notice';
import { AuditFilters } from './AuditFilters';
import { AUDIT_PAGE_SIZE, auditApi } from '../../api/audit';
import './audit.css';

const TIME = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

function VerificationResult({ result }: { result: AuditVerification }) {
  if (!result.ok) {
    return <p className="audit-result broken" role="alert">校验未通过：{result.reason ?? `第 ${result.brokenAt ?? '?'} 条记录有问题`}。</p>;
  }
  const earlier = (result.signedFrom ?? 1) - 1;
  return (
    <p className="audit-result ok" role="status" aria-label="校验结果">
      校验通过：共 {result.entries} 条记录，哈希链完整，签名与 {result.heads} 个已记录的链头一致
      {earlier > 0 && `（前 ${earlier} 条写于启用签名之前，按哈希链校验）`}。
    </p>
  );
}

function Row({ entry, broken, onPickDocument }: { entry: AuditEntryView; broken: boolean; onPickDocument(entry: AuditEntryView): void }) {
  const details = entry.details.map((d) => `${d.label}：${d.value}`).join('；');
  return (
    <tr className={broken ? 'audit-broken' : undefined}>
      <td className="audit-seq">{entry.id}</td>
      <td className="audit-time">{TIME.format(new Date(entry.at))}</td>
      <td>{entry.actorName ?? <span className="muted">—</span>}</td>
      <td className={entry.action === 'auth.failed' ? 'audit-action failed' : 'audit-action'}>{entry.actionLabel}</td>
      <td className="audit-target">
        {entry.documentId ? (
          <button type="button" className="audit-link" title="只看这篇文稿的记录" onClick={() => onPickDocument(entry)}>{entry.targetLabel}</button>
        ) : entry.targetLabel}
      </td>
      <td className="audit-detail">{details}</td>
      <td>
        <code className="hash" title={`${entry.signed ? '已签名' : '启用签名前写入'}\n本条 ${entry.hash}\n上一条 ${entry.prevHash || '（无）'}`}>
          {entry.hash.slice(0, 8)}
        </code>
      </td>
    </tr>
  );
}

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [offset, setOffset] = useState(0);
  const { users, error: usersError } = useUsers();
  const [documentTitle, setDocumentTitle] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [busy, setBusy] = useState<'verify' | 'export' | null>(null);

  const loaded = useLoad((signal) => auditApi.page(filter, offset, signal), [filter, offset]);
  const page = loaded.data;

  const changeFilter = useCallback((next: AuditFilter) => {
    setFilter(next);
    setOffset(0);
  }, []);

  const pickDocument = (entry: AuditEntryView): void => {
    setDocumentTitle(entry.targetLabel);
    changeFilter({ ...filter, document: entry.documentId ?? undefined });
  };

  const verify = async (): Promise<void> => {
    setBusy('verify');
    try {
      setVerification(await auditApi.verify());
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const exportXlsx = async (): Promise<void> => {
    setBusy('export');
    try {
      const file = await auditApi.exportXlsx(filter);
      await saveBytes(file.fileName, file.bytes, XLSX_FILTER, XLSX_MIME);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const total = page?.total ?? 0;
  return (
    <main className="page audit-page">
      <div className="page-header">
        <h1>审计日志</h1>
        <div className="page-actions">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void exportXlsx()}>导出 Excel</button>
          <button type="button" className="button primary" disabled={busy !== null} onClick={() => void verify()}>校验</button>
        </div>
      </div>
      {verification && <VerificationResult result={verification} />}
      <AuditFilters filter={filter} users={users} documentTitle={documentTitle} onChange={changeFilter} />
      <ErrorText message={error ?? loaded.error ?? usersError} />
      {!page && !error && !loaded.error && <Loading />}
      {page && page.entries.length === 0 && <EmptyState>{Object.values(filter).some((v) => v !== undefined) ? '没有符合条件的记录' : '暂无记录'}</EmptyState>}
      {page && page.entries.length > 0 && (
        <>
          <table className="doc-table audit-table">
            <thead>
              <tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">详情</th><th scope="col">哈希</th></tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <Row key={e.id} entry={e} broken={verification?.ok === false && verification.brokenAt === e.id} onPickDocument={pickDocument} />
              ))}
            </tbody>
          </table>
          <nav className="audit-pager" aria-label="翻页">
            <span className="muted">第 {offset + 1}–{offset + page.entries.length} 条，共 {total} 条</span>
            <button type="button" className="button small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}>上一页</button>
            <button type="button" className="button small" disabled={offset + AUDIT_PAGE_SIZE >= total} onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}>下一页</button>
          </nav>
        </>
      )}
    </main>
  );
}
