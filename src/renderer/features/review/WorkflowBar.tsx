/**
 * The document header's workflow line: the state, the checkpoint and who holds it, the 修订 pending,
 * whether the content still matches the last approval, and the actions this user may take now.
 */
import { useState } from 'react';
import { shortContentHash } from '../../../core/review/contentHash';
import type { WorkflowStatus } from '../../../shared/review';
import type { PendingSuggestions } from '../../../shared/suggestions';
import { ACTION_NAMES, STATE_NAMES, WORKFLOW_ACTIONS, type WorkflowAction } from '../../../core/domain/workflow';
import { formatFullTime } from '../../ui/format';
import { useInbox } from '../inbox/inboxState';
import { TransitionDialog } from './TransitionDialog';
import { CountersignHolders, RemindButton, ReturnNotice } from './WriterSide';
import './review.css';

/** Who holds the piece now; the checkpoint itself is marked in the steps beside it. */
function Holder({ status }: { status: WorkflowStatus }) {
  if (status.state !== 'review') return null;
  if (status.holders && status.holders.length > 0) return <CountersignHolders status={status} />;
  if (!status.assignee) return null;
  return <span className="workflow-holder">{status.assignee.displayName} 办理中</span>;
}

/** 修订 N 处（作者…）: the suggestions pending in the body and whose; nothing when none is. */
export function PendingSuggestionsTag({ suggestions }: { suggestions: PendingSuggestions }) {
  if (suggestions.count === 0) return null;
  const names = suggestions.authors.map((a) => a.name).join('、');
  const detail = suggestions.authors.map((a) => `${a.name} ${a.count} 处`).join('\n');
  return (
    <span className="workflow-suggestions" data-testid="pending-suggestions"
      title={`待处理的修订（定稿前须全部接受或拒绝）\n${detail}`}>
      修订 {suggestions.count} 处（{names}）
    </span>
  );
}

function ApprovalMatch({ status }: { status: WorkflowStatus }) {
  const approval = status.lastApproval;
  if (!approval || status.matchesApproval === null) return null;
  const who = `${approval.actorName}${approval.action === 'sign' ? '签发' : '审核通过'}（${formatFullTime(approval.at)}）`;
  return status.matchesApproval ? (
    <span className="approval-match ok" title={`${who}\n内容指纹 ${approval.contentHash}`}>
      <span aria-hidden="true">✓</span> 内容与审核通过时一致
      <code className="hash">{shortContentHash(approval.contentHash, 8)}</code>
    </span>
  ) : (
    <span className="approval-match changed" title={`${who}\n通过时 ${approval.contentHash}\n当前 ${status.currentHash}`}>
      <span aria-hidden="true">!</span> 内容已在审核后改动
    </span>
  );
}

export function WorkflowBar({ documentId, status, onChanged }: {
  documentId: string;
  status: WorkflowStatus;
  onChanged: () => void;
}) {
  const [action, setAction] = useState<WorkflowAction | null>(null);
  const inbox = useInbox();
  const actions = WORKFLOW_ACTIONS.filter((a) => status.allowedActions.includes(a));

  return (
    <>
    <div className="workflow-bar" aria-label="审核状态" role="group">
      <span className={`state-tag state-${status.state}`} data-testid="workflow-state">
        {status.state === 'draft' ? status.chain.draftName : STATE_NAMES[status.state]}
      </span>
      <Holder status={status} />
      <ol className="workflow-steps" aria-label="审核流程">
        {status.chain.checkpoints.map((c, i) => {
          const done = status.state === 'final' || (status.checkpointIndex !== null && i < status.checkpointIndex);
          const current = status.state === 'review' && status.checkpointIndex === i;
          return (
            <li key={c.key} className={current ? 'current' : done ? 'done' : undefined} aria-current={current ? 'step' : undefined}>
              {c.name}
            </li>
          );
        })}
      </ol>
      <PendingSuggestionsTag suggestions={status.suggestions} />
      <ApprovalMatch status={status} />
      <span className="workflow-spacer" />
      <div className="workflow-actions">
        <RemindButton documentId={documentId} status={status} onDone={onChanged} />
        {actions.map((a) => (
          <button key={a} type="button"
            className={`button small ${a === 'return' ? 'danger' : a === 'reopen' || a === 'withdraw' ? '' : 'primary'}`}
            onClick={() => setAction(a)}>
            {ACTION_NAMES[a]}
          </button>
        ))}
      </div>
      {action && (
        <TransitionDialog documentId={documentId} action={action} status={status}
          onClose={() => setAction(null)}
          onDone={() => { setAction(null); onChanged(); inbox.refresh(); }} />
      )}
    </div>
    <ReturnNotice status={status} />
    </>
  );
}
