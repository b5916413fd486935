/**
 * The writer's side of review in the document header: 催办 (remind the holders once they have had the
 * piece past the office's set time) and, on a returned piece, the reason of the return at the top.
 */
import { useState } from 'react';
import type { WorkflowStatus } from '../../../shared/review';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { formatFullTime, formatTime } from '../../ui/format';

/** 催办: shown to the writers while the piece is in review; disabled, with the reason, until it may be used. */
export function RemindButton({ documentId, status, onDone }: { documentId: string; status: WorkflowStatus; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const reminder = status.reminder;
  if (status.state !== 'review' || !reminder || (!reminder.allowed && !reminder.possibleAt)) return null;
  const title = reminder.allowed
    ? `提醒当前办理人尽快办理（送达超过 ${reminder.afterHours} 小时可催办）`
    : `${reminder.message ?? ''}${reminder.possibleAt ? `\n可催办时间：${formatFullTime(reminder.possibleAt)}` : ''}`;
  return (
    <>
      {reminder.lastAt && <span className="reminded-tag" title={formatFullTime(reminder.lastAt)}>已催办 {formatTime(reminder.lastAt)}</span>}
      <button type="button" className="button small" disabled={!reminder.allowed} title={title} onClick={() => setOpen(true)}>催办</button>
      {open && <RemindDialog documentId={documentId} status={status} onClose={() => setOpen(false)} onDone={() => { setOpen(false); onDone(); }} />}
    </>
  );
}

function RemindDialog({ documentId, status, onClose, onDone }: { documentId: string; status: WorkflowStatus; onClose: () => void; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = status.holders && status.holders.length > 0
    ? status.holders.filter((h) => !h.approvedAt && !h.disabled).map((h) => h.displayName)
    : status.assignee ? [status.assignee.displayName] : [];
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await reviewApi.remind(documentId, comment.trim());
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  return (
    <Dialog title="催办" onClose={onClose} onSubmit={() => void submit()} footer={
      <>
        <button type="button" className="button" onClick={onClose}>取消</button>
        <button type="submit" className="button primary" disabled={busy}>催办</button>
      </>
    }>
      <p className="dialog-note">将提醒 {pending.join('、')} 尽快办理“{status.checkpoint?.name ?? ''}”，并记入审核记录。</p>
      <label className="field">
        <span>留言（可选）</span>
        <textarea className="textarea" rows={2} maxLength={500} value={comment} aria-label="催办留言" onChange={(e) => setComment(e.target.value)} />
      </label>
      <ErrorText message={error} />
    </Dialog>
  );
}

/** At the top of a returned piece: who returned it, at which step, when, and why. */
export function ReturnNotice({ status }: { status: WorkflowStatus }) {
  const back = status.state === 'returned' ? status.lastReturn : null;
  if (!back) return null;
  return (
    <div className="return-notice" role="note" aria-label="退回意见">
      <div className="return-notice-head">
        {back.byName}{back.checkpoint ? `（${back.checkpoint}）` : ''}于 {formatFullTime(back.at)} 退回此稿，修改后可重新提交。
      </div>
      <p className="return-notice-text">{back.comment}</p>
    </div>
  );
}

/** The holders of a 会签 step, each with ✓ once they approved (their opinion on hover). */
export function CountersignHolders({ status }: { status: WorkflowStatus }) {
  if (status.state !== 'review' || !status.holders || status.holders.length === 0) return null;
  const done = status.holders.filter((h) => h.approvedAt).length;
  return (
    <span className="workflow-holder countersign" data-testid="countersign-holders">
      会签 {done}/{status.holders.length}：
      {status.holders.map((h, i) => (
        <span key={h.id} className={h.approvedAt ? 'holder done' : h.disabled ? 'holder disabled' : 'holder'}
          title={h.approvedAt ? `${formatFullTime(h.approvedAt)} 同意${h.opinion ? `：${h.opinion}` : ''}` : h.disabled ? '账号已停用，不再等待' : '办理中'}>
          {i > 0 && '、'}{h.department && `${h.department} `}{h.displayName}{h.approvedAt && <span aria-label="已同意"> ✓</span>}
        </span>
      ))}
    </span>
  );
}
