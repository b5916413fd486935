/** The dialog of one workflow action: the next holder when one is named, and the comment or reason. */
import { useState } from 'react';
import type { WorkflowStatus } from '../../../shared/review';
import { ACTION_NAMES, type Checkpoint, type WorkflowAction } from '../../../core/domain/workflow';
import { ROLE_LABELS } from '../../../core/domain/roles';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';

/** The checkpoint the action hands the piece to, if it names a holder. */
export function nextCheckpoint(action: WorkflowAction, status: WorkflowStatus): Checkpoint | null {
  if (action === 'submit') return status.chain.checkpoints[0] ?? null;
  if (action === 'approve' && status.checkpointIndex !== null) return status.chain.checkpoints[status.checkpointIndex + 1] ?? null;
  return null;
}

const COMMENT_LABELS: Record<WorkflowAction, string> = {
  submit: '说明（可选）', approve: '审核意见（可选）', return: '退回意见', sign: '签发意见', reopen: '重新打开的原因', withdraw: '撤回说明（可选）',
};

const CONFIRM_TEXT: Partial<Record<WorkflowAction, string>> = {
  approve: '通过后，此稿的当前内容将被记录为审核通过的内容。',
  sign: '签发后，此稿成为定稿，正文、标题和属性均不可再修改。',
  reopen: '重新打开后，此稿回到起草状态，之前的审核记录保留，但不再证明新的内容。',
  return: '退回后，撰稿人可以根据批注修改后重新提交。',
};

export function TransitionDialog({ documentId, action, status, onClose, onDone }: {
  documentId: string;
  action: WorkflowAction;
  status: WorkflowStatus;
  onClose: () => void;
  onDone: () => void;
}) {
  const next = nextCheckpoint(action, status);
  const [assigneeId, setAssigneeId] = useState(status.candidates.length === 1 ? status.candidates[0].id : '');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentRequired = action === 'return' || action === 'reopen';
  const holderLabel = next ? ROLE_LABELS[next.role] : '';
  const name = ACTION_NAMES[action];

  const submit = async () => {
    if (next && !assigneeId) { setError(`请选择“${next.name}”的${holderLabel}`); return; }
    if (commentRequired && !comment.trim()) { setError(`请填写${COMMENT_LABELS[action]}`); return; }
    setBusy(true);
    setError(null);
    try {
      await reviewApi.transition(documentId, {
        action,
        ...(next && { assigneeId }),
        ...(comment.trim() && { comment: comment.trim() }),
      });
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={name} onClose={onClose} onSubmit={() => void submit()} footer={
      <>
        <button type="button" className="button" onClick={onClose}>取消</button>
        <button type="submit" className={`button ${action === 'return' ? 'danger' : 'primary'}`} disabled={busy}>{name}</button>
      </>
    }>
      {CONFIRM_TEXT[action] && <p className="dialog-note">{CONFIRM_TEXT[action]}</p>}
      {next && (
        <label className="field">
          <span>{next.name}的{holderLabel}</span>
          <select aria-label={holderLabel} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            <option value="">请选择…</option>
            {status.candidates.map((c) => <option key={c.id} value={c.id}>{c.displayName}</option>)}
          </select>
        </label>
      )}
      {next && status.candidates.length === 0 && <p className="dialog-note warn">没有可指定的{holderLabel}，请联系管理员。</p>}
      <label className="field">
        <span>{COMMENT_LABELS[action]}</span>
        <textarea className="textarea" rows={action === 'return' ? 4 : 3} value={comment} aria-label={COMMENT_LABELS[action]}
          required={commentRequired} onChange={(e) => setComment(e.target.value)} />
      </label>
      <ErrorText message={error} />
    </Dialog>
  );
}
