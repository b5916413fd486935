/**
 * The dialog of one workflow action: the next holder (or, for a 会签 step, its holders) when one is
 * named, the 审核/签发意见 with the common phrases one click away, and the comment or reason.
 */
import { useState } from 'react';
import { OPINION_MAX, OPINION_PHRASES, type WorkflowStatus } from '../../../shared/review';
import { ACTION_NAMES, byDepartments, type Checkpoint, type WorkflowAction } from '../../../core/domain/workflow';
import { departmentCoverageProblem } from '../../../core/domain/departments';
import { ROLE_LABELS } from '../../../core/domain/roles';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { HolderPicker } from './HolderPicker';

/** The checkpoint the action hands the piece to, if it names a holder (not a 会签 approval others still wait on). */
export function nextCheckpoint(action: WorkflowAction, status: WorkflowStatus): Checkpoint | null {
  if (action === 'submit') return status.chain.checkpoints[0] ?? null;
  if (action === 'approve' && status.checkpointIndex !== null) {
    if ((status.countersignWaiting ?? 0) > 0) return null;
    return status.chain.checkpoints[status.checkpointIndex + 1] ?? null;
  }
  return null;
}

const COMMENT_LABELS: Record<WorkflowAction, string> = {
  submit: '说明（可选）', approve: '审核意见（可选）', return: '退回意见', sign: '签发意见', reopen: '重新打开的原因', withdraw: '撤回说明（可选）',
};

/** The actions whose text is an opinion (意见) kept on the record, not a comment. */
const OPINION_ACTIONS: ReadonlySet<WorkflowAction> = new Set(['approve', 'sign']);

const CONFIRM_TEXT: Partial<Record<WorkflowAction, string>> = {
  approve: '通过后，此稿的当前内容将被记录为审核通过的内容。',
  sign: '签发后，此稿成为定稿，正文、标题和属性均不可再修改。签发意见和日期记入签发记录。',
  reopen: '重新打开后，此稿回到起草状态，之前的审核记录保留，但不再证明新的内容。',
  return: '退回后，撰稿人可以根据批注修改后重新提交。',
  withdraw: '撤回后，此稿回到起草状态，可修改后重新提交；审核人的待办中不再有此稿。',
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
  const [holderIds, setHolderIds] = useState<string[]>([]);
  const [text, setText] = useState(action === 'sign' ? '同意' : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textRequired = action === 'return' || action === 'reopen';
  const isOpinion = OPINION_ACTIONS.has(action);
  const holderLabel = next ? (next.countersign ? '会签人' : ROLE_LABELS[next.role]) : '';
  const name = ACTION_NAMES[action];
  const waiting = action === 'approve' ? status.countersignWaiting ?? 0 : 0;

  const submit = async () => {
    if (next?.countersign && holderIds.length === 0) { setError(`请选择“${next.name}”的会签人（可多选）`); return; }
    const uncovered = next && byDepartments(next)
      ? departmentCoverageProblem(next.departments ?? [], status.candidates.filter((c) => holderIds.includes(c.id)))
      : null;
    if (uncovered) { setError(uncovered); return; }
    if (next && !next.countersign && !assigneeId) { setError(`请选择“${next.name}”的${holderLabel}`); return; }
    if (textRequired && !text.trim()) { setError(`请填写${COMMENT_LABELS[action]}`); return; }
    setBusy(true);
    setError(null);
    try {
      await reviewApi.transition(documentId, {
        action,
        ...(next && (next.countersign ? { assigneeIds: holderIds } : { assigneeId })),
        ...(text.trim() && (isOpinion ? { opinion: text.trim() } : { comment: text.trim() })),
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
      {waiting > 0 && <p className="dialog-note">会签中：您同意后，还需其他 {waiting} 位会签人同意，此稿才进入下一环节。</p>}
      {next?.countersign && (
        <HolderPicker label={`${next.name}的会签人（${byDepartments(next) ? '每个会签部门至少一位' : '可多选'}）`} candidates={status.candidates}
          selected={holderIds} onChange={setHolderIds} departments={byDepartments(next) ? next.departments ?? [] : undefined} />
      )}
      {next && !next.countersign && (
        <label className="field">
          <span>{next.name}的{holderLabel}</span>
          <select aria-label={holderLabel} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            <option value="">请选择…</option>
            {status.candidates.map((c) => <option key={c.id} value={c.id}>{c.department ? `${c.displayName}（${c.department}）` : c.displayName}</option>)}
          </select>
        </label>
      )}
      {next && status.candidates.length === 0 && <p className="dialog-note warn">没有可指定的{holderLabel}，请联系管理员。</p>}
      <label className="field">
        <span>{COMMENT_LABELS[action]}</span>
        <textarea className="textarea" rows={action === 'return' ? 4 : 3} value={text} aria-label={COMMENT_LABELS[action]}
          maxLength={isOpinion ? OPINION_MAX : undefined} required={textRequired} onChange={(e) => setText(e.target.value)} />
      </label>
      {isOpinion && (
        <div className="opinion-phrases" role="group" aria-label="常用意见">
          {OPINION_PHRASES[action === 'sign' ? 'sign' : 'approve'].map((phrase) => (
            <button key={phrase} type="button" className="button small ghost" aria-pressed={text === phrase} onClick={() => setText(phrase)}>{phrase}</button>
          ))}
        </div>
      )}
      <ErrorText message={error} />
    </Dialog>
  );
}
