/**
 * One ledger row: what it is, its event log (the history its status derives from), the form that
 * appends an event (采用, 未采用, 刊发, 批示, 获评优秀), 作废 for a row recorded by mistake (with its
 * reason; it then counts nothing and takes no more events) and its evidence files.
 */
import { useRef, useState } from 'react';
import { KIND_LABELS } from '../../../core/domain/kinds';
import { EVENT_LABELS, OUTLET_LEVEL_LABELS, type Submission } from '../../../shared/ledger';
import { OUTLET_LEVELS, type EventType, type OutletLevel } from '../../../core/targets/model';
import { errorMessage } from '../../api/client';
import { ErrorText } from '../../ui/Notice';
import { ledgerApi } from '../../api/ledger';
import { saveEvidence } from './ledgerFiles';
import { formatDate, today } from './format';
import { Dialog } from '../../ui/Dialog';
import { LevelTag, StatusTag } from './labels';

const ACTIONS: EventType[] = ['adopted', 'rejected', 'published', 'instructed', 'rated', 'submitted'];

interface Props { submission: Submission; canRecord: boolean; onClose: () => void; onChanged: (s: Submission) => void }

export function SubmissionPanel({ submission, canRecord, onClose, onChanged }: Props) {
  const [action, setAction] = useState<EventType | null>(null);
  const [date, setDate] = useState(today());
  const [level, setLevel] = useState<OutletLevel | ''>('');
  const [issue, setIssue] = useState('');
  const [page, setPage] = useState('');
  const [url, setUrl] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [voidReason, setVoidReason] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const voided = submission.status === 'voided';
  const canAppend = canRecord && !voided;

  const choose = (type: EventType) => {
    setAction(type === action ? null : type);
    setError(null);
  };

  /** Sends one change of the row; on success shows the row as the server returns it, then `after`. */
  const update = async (send: () => Promise<{ submission: Submission }>, after: () => void) => {
    setBusy(true);
    try {
      const { submission: updated } = await send();
      onChanged(updated);
      after();
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const record = async () => {
    if (!action) return;
    if ((action === 'instructed' || action === 'rated') && !level) { setError('请选择级别'); return; }
    await update(() => ledgerApi.recordEvent(submission.id, {
      status: action, at: date, ...(level && { level }),
      ...(action === 'published' && { issue, page, url }), ...((action === 'instructed' || action === 'rejected') && summary && { summary }),
    }), () => {
      setAction(null);
      setIssue(''); setPage(''); setUrl(''); setSummary(''); setLevel('');
    });
  };

  const voidRow = async () => {
    if (!voidReason.trim()) { setError('请填写作废原因'); return; }
    await update(() => ledgerApi.recordEvent(submission.id, { status: 'voided', at: today(), summary: voidReason.trim() }), () => {
      setVoiding(false);
      setVoidReason('');
    });
  };

  const uploadEvidence = async (file: File | undefined) => {
    if (!file) return;
    await update(() => ledgerApi.uploadEvidence(submission.id, file), () => undefined);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <Dialog size="wide" title={submission.title} onClose={onClose}>
      <dl className="facts submission-facts">
        <dt>报送单位/媒体</dt><dd>{submission.outlet.name} <LevelTag level={submission.outlet.level} /></dd>
        <dt>状态</dt><dd><StatusTag status={submission.status} /></dd>
        <dt>类别</dt><dd>{KIND_LABELS[submission.kind]}</dd>
        <dt>作者</dt><dd>{submission.authors.join('、') || '—'}</dd>
      </dl>

      <h3 className="section-title">进展记录</h3>
      <ol className="event-log" aria-label="进展记录">
        {submission.events.length === 0 && <li className="muted">拟报，尚未报送</li>}
        {submission.events.map((e) => (
          <li key={e.id} className={`event event-${e.type}`}>
            <span className="event-date">{formatDate(e.on)}</span>
            <span className="event-type">{EVENT_LABELS[e.type]}</span>
            <span className="event-detail">
              {e.level && `${OUTLET_LEVEL_LABELS[e.level]} `}
              {[e.issue, e.page, e.summary].filter(Boolean).join(' · ')}
              {e.url && <> <a href={e.url} target="_blank" rel="noreferrer">链接</a></>}
            </span>
            <span className="event-by muted">{e.recordedBy}</span>
          </li>
        ))}
      </ol>

      {voided && <p className="notice voided-notice" role="status">此记录已作废，不计入统计，也不能再记录进展。</p>}

      {canAppend && (
        <div className="event-form">
          <div className="event-actions" role="group" aria-label="记录进展">
            {ACTIONS.map((type) => (
              <button key={type} type="button" className="button small" aria-pressed={action === type} onClick={() => choose(type)}>
                {EVENT_LABELS[type]}
              </button>
            ))}
          </div>
          {action && (
            <form className="event-fields" onSubmit={(e) => { e.preventDefault(); void record(); }}>
              <label className="field"><span>{EVENT_LABELS[action]}日期</span>
                <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
              </label>
              {(action === 'instructed' || action === 'rated') && (
                <label className="field"><span>{action === 'instructed' ? '批示领导级别' : '评优级别'}</span>
                  <select value={level} onChange={(e) => setLevel(e.target.value as OutletLevel | '')}>
                    <option value="">请选择</option>
                    {OUTLET_LEVELS.map((l) => <option key={l} value={l}>{OUTLET_LEVEL_LABELS[l]}</option>)}
                  </select>
                </label>
              )}
              {action === 'published' && (
                <>
                  <label className="field"><span>期号</span><input value={issue} onChange={(e) => setIssue(e.target.value)} placeholder="如 2023年第3期" /></label>
                  <label className="field"><span>版面</span><input value={page} onChange={(e) => setPage(e.target.value)} placeholder="如 第2版" /></label>
                  <label className="field wide-field"><span>链接</span><input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" /></label>
                </>
              )}
              {(action === 'instructed' || action === 'rejected') && (
                <label className="field wide-field"><span>{action === 'instructed' ? '批示内容' : '说明'}</span>
                  <input value={summary} onChange={(e) => setSummary(e.target.value)} />
                </label>
              )}
              <div className="event-submit">
                <button type="submit" className="button primary" disabled={busy}>记录{EVENT_LABELS[action]}</button>
              </div>
            </form>
          )}
          {!voiding && (
            <button type="button" className="button small danger void-button" onClick={() => { setVoiding(true); setAction(null); setError(null); }}>
              作废
            </button>
          )}
          {voiding && (
            <form className="void-form" aria-label="作废" onSubmit={(e) => { e.preventDefault(); void voidRow(); }}>
              <p>作废用于记错的记录（如报送单位选错）：作废后不再计入统计，也不能再记录进展，记录本身保留备查。</p>
              <label className="field"><span>作废原因</span>
                <input value={voidReason} onChange={(e) => setVoidReason(e.target.value)} placeholder="如 报送单位选错，已重新登记" />
              </label>
              <button type="button" className="button" onClick={() => { setVoiding(false); setVoidReason(''); }}>取消</button>
              <button type="submit" className="button primary" disabled={busy}>确认作废</button>
            </form>
          )}
        </div>
      )}

      <h3 className="section-title">证明材料</h3>
      <ul className="evidence-list">
        {submission.evidence.length === 0 && <li className="muted">暂无</li>}
        {submission.evidence.map((f) => (
          <li key={f.id}>
            <button type="button" className="link-button" onClick={() => void saveEvidence(f.id, f.filename).catch((c: unknown) => setError(errorMessage(c)))}>
              {f.filename}
            </button>
            <span className="muted"> {fileSize(f.size)}</span>
          </li>
        ))}
      </ul>
      {canAppend && (
        <label className="button small file-button">
          上传证明材料
          <input ref={fileInput} type="file" className="visually-hidden" aria-label="上传证明材料" onChange={(e) => void uploadEvidence(e.target.files?.[0])} />
        </label>
      )}
      <ErrorText message={error} />
    </Dialog>
  );
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
