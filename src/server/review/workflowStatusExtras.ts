import type { User } from '../../shared/api';
import type { StepHolderView, WorkflowStatus } from '../../shared/review';
import type { DocumentRow } from '../db/schema';
import type { StepHolderRow } from './stepHolderStore';
import type { TransitionLog } from './transitionLog';
import type { HolderReminder } from './holderReminder';

type Extras = Pick<WorkflowStatus, 'holders' | 'countersignWaiting' | 'heldSince' | 'reminder' | 'lastReturn' | 'signature'>;

/**
 * The parts of a piece's workflow status that came with 会签, 催办 and opinions: the 会签 holders with
 * their approvals and opinions, when the step began, whether the user may remind its holders, the
 * return that sent it back (shown at the top of the returned piece) and the 签发 record.
 */
export async function statusExtras(
  deps: { transitions: Pick<TransitionLog, 'history' | 'lastMovedAt' | 'finalSignature'>; reminder?: Pick<HolderReminder, 'outlook'> },
  user: User,
  row: DocumentRow,
  facts: { holderRows: StepHolderRow[]; people: Map<string, User>; collaboratorIds: readonly string[] },
): Promise<Extras> {
  const history = row.state === 'review' || row.state === 'returned' ? await deps.transitions.history(row.id) : [];
  const step = facts.holderRows[0]?.step ?? null;
  const opinionOf = (userId: string): string => {
    const approval = history.findLast((t) => t.action === 'approve' && t.actor_id === userId && step !== null && t.id > step);
    return approval?.opinion ?? '';
  };
  const holders: StepHolderView[] = facts.holderRows.map((h) => {
    const person = facts.people.get(h.userId);
    return { id: h.userId, displayName: person?.displayName ?? '', approvedAt: h.approvedAt, opinion: h.approvedAt ? opinionOf(h.userId) : '', disabled: person?.disabled ?? true, department: h.department };
  });
  const returned = row.state === 'returned' ? history.findLast((t) => t.action === 'return') : undefined;
  const heldSince = row.state === 'review' ? (await deps.transitions.lastMovedAt([row.id])).get(row.id) ?? null : null;
  const signature = row.state === 'final' ? await deps.transitions.finalSignature(row.id, row.revision) : null;
  return {
    holders,
    countersignWaiting: holders.filter((h) => !h.approvedAt && !h.disabled && h.id !== user.id).length,
    heldSince,
    reminder: deps.reminder && row.state === 'review' ? await deps.reminder.outlook(user, row, facts.collaboratorIds) : undefined,
    lastReturn: returned ? { byName: returned.actor_name, at: returned.at, checkpoint: returned.checkpoint_name, comment: returned.comment } : null,
    signature: signature ? { signerName: signature.signerName, signedAt: signature.signedAt, opinion: signature.opinion, contentHash: signature.contentHash } : null,
  };
}
