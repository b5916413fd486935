/**
 * 报送台账: every submission of the year with its status; clerks record 报送 and its events, and
 * import or export the ledger as an office spreadsheet.
 */
import { useState } from 'react';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../../../core/targets/model';
import { KIND_LABELS } from '../../../core/domain/kinds';
import { STATUS_LABELS, type Submission } from '../../../shared/ledger';
import { errorMessage } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { EmptyState, ErrorText, Loading } from '../../ui/Notice';
import { pause, useLoad } from '../../ui/useLoad';
import { formatDate, currentYear, yearOptions } from './format';
import { ImportDialog, importSummary } from './ImportDialog';
import { LevelTag, StatusTag } from './labels';
import { ledgerApi } from '../../api/ledger';
import { saveLedgerXlsx } from './ledgerFiles';
import { RecordSubmissionDialog } from './RecordSubmissionDialog';
import { SubmissionPanel } from './SubmissionPanel';
import './ledger.css';

export function LedgerPage() {
  const { user } = useCurrentSession();
  const canRecord = user.roles.includes('admin') || user.roles.includes('clerk');
  const [year, setYear] = useState(currentYear());
  const [status, setStatus] = useState<SubmissionStatus | ''>('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const outletList = useLoad(async () => (await ledgerApi.outlets()).outlets, []);
  const outlets = outletList.data ?? [];
  const listed = useLoad(async (signal): Promise<Submission[]> => {
    if (query) await pause(250, signal);
    return (await ledgerApi.submissions({ year, status: status || undefined, q: query }, signal)).submissions;
  }, [year, status, query]);
  const submissions = listed.data;
  const refresh = (): void => { setError(null); listed.reload(); };
  const open = submissions?.find((s) => s.id === openId) ?? null;

  const exportXlsx = async () => {
    try {
      await saveLedgerXlsx(year);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <main className="page ledger-page">
      <div className="page-header">
        <h1>报送台账</h1>
        <div className="page-actions">
          {canRecord && <button type="button" className="button" onClick={() => setImporting(true)}>导入台账</button>}
          <button type="button" className="button" onClick={() => void exportXlsx()}>导出 Excel</button>
          {canRecord && <button type="button" className="button primary" onClick={() => setRecording(true)}>报送</button>}
        </div>
      </div>

      <div className="filters" role="search">
        <select aria-label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {yearOptions().map((y) => <option key={y} value={y}>{y} 年</option>)}
        </select>
        <select aria-label="状态" value={status} onChange={(e) => setStatus(e.target.value as SubmissionStatus | '')}>
          <option value="">全部状态</option>
          {SUBMISSION_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
        </select>
        <input type="search" className="search" aria-label="搜索标题" placeholder="搜索标题" value={query} onChange={(e) => setQuery(e.target.value)} />
        {submissions && <span className="muted filter-count">共 {submissions.length} 条</span>}
      </div>

      <ErrorText message={error ?? listed.error ?? outletList.error} />
      <p className="notice" role="status">{notice}</p>

      {submissions === null ? (listed.error ? null : <Loading />) : submissions.length === 0 ? (
        <EmptyState>{canRecord ? '本年度暂无报送记录。点击“报送”登记第一条。' : '本年度暂无报送记录'}</EmptyState>
      ) : (
        <table className="doc-table ledger-table">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">作者</th>
              <th scope="col">类别</th>
              <th scope="col">报送单位/媒体</th>
              <th scope="col">报送日期</th>
              <th scope="col">状态</th>
              <th scope="col">采用/刊发日期</th>
            </tr>
          </thead>
          <tbody>
            {submissions.map((s) => (
              <tr key={s.id}>
                <td className="doc-title">
                  <button type="button" className="link-button" onClick={() => setOpenId(s.id)}>{s.title}</button>
                  {s.documentId === null && <span className="manual-mark" title="手工录入，未关联文稿">手工</span>}
                </td>
                <td>{s.authors.join('、')}</td>
                <td><span className="kind-tag">{KIND_LABELS[s.kind]}</span></td>
                <td><span className="outlet-cell">{s.outlet.name} <LevelTag level={s.outlet.level} /></span></td>
                <td className="num">{formatDate(s.facts.submittedOn)}</td>
                <td>
                  <StatusTag status={s.status} />
                  {s.facts.instructions.length > 0 && <span className="badge" title="领导批示">批示</span>}
                  {s.facts.ratings.length > 0 && <span className="badge" title="获评优秀">优秀</span>}
                </td>
                <td className="num">{formatDate(s.facts.publishedOn ?? s.facts.adoptedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {recording && (
        <RecordSubmissionDialog outlets={outlets} onClose={() => setRecording(false)}
          onRecorded={(count) => { setRecording(false); setNotice(`已登记 ${count} 条报送记录`); refresh(); }} />
      )}
      {importing && (
        <ImportDialog onClose={() => setImporting(false)} onImported={(report) => { setNotice(importSummary(report)); refresh(); }} />
      )}
      {open && (
        <SubmissionPanel submission={open} canRecord={canRecord} onClose={() => setOpenId(null)}
          onChanged={(updated) => listed.update((list) => list?.map((s) => (s.id === updated.id ? updated : s)) ?? null)} />
      )}
    </main>
  );
}
