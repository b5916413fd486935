/**
 * The review workflow's one state table, used by the server (which decides) and the renderer (which
 * only follows): states, checkpoint chains per kind, and `decideTransition`, a pure function that
 * says whether an action is allowed and where it leads.
 */
import type { DocumentKind } from './kinds';
import type { Role } from './roles';
import { departmentCoverageProblem } from './departments';

export const WORKFLOW_STATES = ['draft', 'review', 'returned', 'final'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const STATE_NAMES: Record<WorkflowState, string> = {
  draft: '起草', review: '审核中', returned: '已退回', final: '定稿',
};

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return', 'sign', 'reopen', 'withdraw'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** What the history records: the actions that move a piece, and 催办 (`remind`), which moves nothing. */
export const HISTORY_ACTIONS = [...WORKFLOW_ACTIONS, 'remind'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const ACTION_NAMES: Record<HistoryAction, string> = {
  submit: '提交审核', approve: '通过', return: '退回', sign: '签发', reopen: '重新打开', withdraw: '撤回', remind: '催办',
};

/** The roles that may hold a checkpoint. */
export const CHECKPOINT_ROLES = ['reviewer', 'signer'] as const satisfies readonly Role[];

/**
 * One review checkpoint: who holds it (a reviewer or a signer) and its name on the screen. A 会签
 * step (`countersign`) is held by several people at once, chosen at the step before; it passes when
 * every one of them still in the office has approved and returns when any of them returns. Its holders
 * come from the users holding `role`, or, with `holdersFrom: 'departments'`, from those of them in the
 * listed `departments` (at least one from each).
 */
export interface Checkpoint {
  key: string; name: string; role: (typeof CHECKPOINT_ROLES)[number]; countersign?: boolean;
  /** Where a 会签 step's holders come from: the role (the default) or the listed departments. */
  holdersFrom?: 'roles' | 'departments';
  /** The departments a `holdersFrom: 'departments'` step draws on, each to send at least one holder. */
  departments?: string[];
}

/** Whether the step takes its 会签 holders from departments. */
export function byDepartments(checkpoint: Checkpoint): boolean {
  return checkpoint.countersign === true && checkpoint.holdersFrom === 'departments';
}

/** A kind's chain: the name of its drafting state and its checkpoints in order. */
export interface CheckpointChain { draftName: string; checkpoints: Checkpoint[] }

export const DEFAULT_CHAINS: Record<DocumentKind, CheckpointChain> = {
  comprehensive: { draftName: '起草', checkpoints: [
    { key: 'section', name: '科室审核', role: 'reviewer' },
    { key: 'director', name: '主任审核', role: 'reviewer' },
    { key: 'leader', name: '领导签发', role: 'signer' },
  ] },
  research: { draftName: '起草', checkpoints: [
    { key: 'section', name: '科室审核', role: 'reviewer' },
    { key: 'director', name: '主任审核', role: 'reviewer' },
    { key: 'leader', name: '领导签发', role: 'signer' },
  ] },
  info: { draftName: '起草', checkpoints: [
    { key: 'info', name: '信息审核', role: 'reviewer' },
    { key: 'director', name: '主任签发', role: 'signer' },
  ] },
  media: { draftName: '起草', checkpoints: [
    { key: 'review', name: '审核', role: 'reviewer' },
  ] },
  official: { draftName: '拟稿', checkpoints: [
    { key: 'check', name: '核稿', role: 'reviewer' },
    { key: 'sign', name: '签发', role: 'signer' },
  ] },
};

/** Everything the decision depends on, gathered by the caller. */
export interface TransitionRequest {
  action: WorkflowAction;
  actor: { id: string; roles: readonly Role[] };
  /** The next holder, named by the actor (submit; approve when another checkpoint follows). */
  assignee?: Candidate | null;
  /** The next step's holders when it is a 会签 step (instead of `assignee`). */
  assignees?: readonly Candidate[];
  comment?: string;
  document: {
    state: WorkflowState;
    ownerId: string;
    collaboratorIds: readonly string[];
    /** Index into the chain while in review. */
    checkpointIndex: number | null;
    assigneeId: string | null;
    /** Who edited body, title or properties in this revision. */
    editorIds: readonly string[];
    /** Who signed (or approved last) when the piece became 定稿. */
    finalizedBy: string | null;
    /** The holders of the current step when it is a 会签 step (empty or absent otherwise). */
    holders?: readonly StepHolder[];
  };
  chain: CheckpointChain;
}

/** A user the actor names as a next holder, with the facts the table checks. */
export interface Candidate { id: string; roles: readonly Role[]; disabled?: boolean; displayName?: string; department?: string | null }

/** One holder of a 会签 step: whether they approved, and whether their account was disabled meanwhile. */
export interface StepHolder { id: string; approved: boolean; disabled: boolean }

export type TransitionDecision =
  | { ok: true; state: WorkflowState; checkpointIndex: number | null; assigneeId: string | null; newRevision: boolean;
      /** True when this action vouches for the content (approve, sign): its hash is recorded. */
      vouches: boolean;
      /** The holders of the 会签 step this action opens (empty when it opens none). */
      holderIds: string[];
      /** True for a 会签 approval that leaves the step open: others still have to approve. */
      countersigned: boolean }
  /** A refusal: `forbidden` (not this actor's to take), `conflict` (not in this state), `bad_request` (missing or wrong input). */
  | { ok: false; code: 'forbidden' | 'conflict' | 'bad_request'; message: string };

const refuse = (code: 'forbidden' | 'conflict' | 'bad_request', message: string): TransitionDecision => ({ ok: false, code, message });

/** The most holders one 会签 step may have. */
export const MAX_COUNTERSIGNERS = 20;

function checkCandidate(request: TransitionRequest, checkpoint: Checkpoint, candidate: Candidate): TransitionDecision | null {
  const { document } = request;
  const role = checkpoint.role === 'reviewer' ? '审核人' : '签发人';
  if (candidate.disabled) return refuse('bad_request', '指定的人员账号已停用');
  if (!candidate.roles.includes(checkpoint.role)) return refuse('bad_request', `指定的人员不是${role}`);
  if (document.editorIds.includes(candidate.id) || candidate.id === document.ownerId) {
    return refuse('bad_request', '不能指定本稿的撰稿人或修改人审核本稿');
  }
  return null;
}

/** Who will hold `checkpoint`: the named assignee, or the named 会签 holders; a refusal when they will not do. */
function nameNext(request: TransitionRequest, checkpoint: Checkpoint): { assigneeId: string | null; holderIds: string[] } | TransitionDecision {
  const role = checkpoint.role === 'reviewer' ? '审核人' : '签发人';
  if (checkpoint.countersign) {
    const holders = request.assignees ?? [];
    if (holders.length === 0) return refuse('bad_request', `请选择“${checkpoint.name}”的会签人（可多选）`);
    if (holders.length > MAX_COUNTERSIGNERS) return refuse('bad_request', `会签人最多 ${MAX_COUNTERSIGNERS} 位`);
    if (new Set(holders.map((h) => h.id)).size !== holders.length) return refuse('bad_request', '会签人重复');
    for (const holder of holders) {
      const problem = checkCandidate(request, checkpoint, holder);
      if (problem) return problem;
    }
    const uncovered = byDepartments(checkpoint) ? departmentCoverageProblem(checkpoint.departments ?? [], holders) : null;
    if (uncovered) return refuse('bad_request', uncovered);
    return { assigneeId: null, holderIds: holders.map((h) => h.id) };
  }
  if (!request.assignee) return refuse('bad_request', `请指定“${checkpoint.name}”的${role}`);
  return checkCandidate(request, checkpoint, request.assignee) ?? { assigneeId: request.assignee.id, holderIds: [] };
}

const isRefusal = (value: { assigneeId: string | null; holderIds: string[] } | TransitionDecision): value is TransitionDecision => 'ok' in value;

/**
 * Whether the actor holds the current step: its assignee, or one of a 会签 step's holders who has not
 * approved yet. A 会签 holder who approved may approve once more only to close a step nobody active
 * still waits on (the holders left were disabled meanwhile).
 */
function holdRefusal(request: TransitionRequest, current: Checkpoint): TransitionDecision | null {
  const { actor, document } = request;
  if (!current.countersign) {
    return actor.id === document.assigneeId ? null : refuse('forbidden', `此稿当前由他人办理（${current.name}）`);
  }
  const holders = document.holders ?? [];
  const me = holders.find((h) => h.id === actor.id);
  if (!me) return refuse('forbidden', `此稿正在会签（${current.name}），您不是会签人`);
  if (me.approved && waitingOn(holders, actor.id).length > 0) return refuse('conflict', '您已会签同意，正在等待其他会签人');
  return null;
}

/** The 会签 holders still to approve, leaving out `exceptId` and anyone whose account was disabled. */
export function waitingOn(holders: readonly StepHolder[], exceptId: string): StepHolder[] {
  return holders.filter((h) => !h.approved && !h.disabled && h.id !== exceptId);
}

/** Decides a workflow action. Never trusts the client: the server calls this with facts from its store. */
export function decideTransition(request: TransitionRequest): TransitionDecision {
  const { action, actor, document, chain } = request;
  const isWriter = actor.id === document.ownerId || document.collaboratorIds.includes(actor.id);
  const current = document.checkpointIndex === null ? null : chain.checkpoints[document.checkpointIndex] ?? null;
  const isLast = document.checkpointIndex === chain.checkpoints.length - 1;
  const wroteIt = document.editorIds.includes(actor.id) || actor.id === document.ownerId;

  switch (action) {
    case 'submit': {
      if (!isWriter) return refuse('forbidden', '只有撰稿人和协作者可以提交审核');
      if (document.state !== 'draft' && document.state !== 'returned') return refuse('conflict', `文稿${STATE_NAMES[document.state]}，不能提交审核`);
      const first = chain.checkpoints[0];
      if (!first) return refuse('conflict', '此类文稿没有配置审核流程');
      const named = nameNext(request, first);
      if (isRefusal(named)) return named;
      return { ok: true, state: 'review', checkpointIndex: 0, ...named, newRevision: false, vouches: false, countersigned: false };
    }
    case 'approve':
    case 'sign':
    case 'return': {
      if (document.state !== 'review' || !current || document.checkpointIndex === null) return refuse('conflict', '文稿不在审核中');
      const notHolding = holdRefusal(request, current);
      if (notHolding) return notHolding;
      if (action === 'return') {
        if (!request.comment?.trim()) return refuse('bad_request', '退回时请填写退回意见');
        return { ok: true, state: 'returned', checkpointIndex: null, assigneeId: null, holderIds: [], newRevision: false, vouches: false, countersigned: false };
      }
      if (wroteIt) return refuse('forbidden', '不能审核或签发自己撰写或修改过的文稿');
      if (action === 'sign') {
        if (current.role !== 'signer' || !isLast || current.countersign) return refuse('conflict', `“${current.name}”不是签发环节`);
        return { ok: true, state: 'final', checkpointIndex: null, assigneeId: null, holderIds: [], newRevision: false, vouches: true, countersigned: false };
      }
      if (current.role === 'signer' && isLast && !current.countersign) return refuse('conflict', '最后的签发环节请使用“签发”');
      if (current.countersign && waitingOn(document.holders ?? [], actor.id).length > 0) {
        return { ok: true, state: 'review', checkpointIndex: document.checkpointIndex, assigneeId: null, holderIds: [], newRevision: false, vouches: true, countersigned: true };
      }
      if (isLast) return { ok: true, state: 'final', checkpointIndex: null, assigneeId: null, holderIds: [], newRevision: false, vouches: true, countersigned: false };
      const named = nameNext(request, chain.checkpoints[document.checkpointIndex + 1]);
      if (isRefusal(named)) return named;
      return { ok: true, state: 'review', checkpointIndex: document.checkpointIndex + 1, ...named, newRevision: false, vouches: true, countersigned: false };
    }
    case 'withdraw': {
      if (!isWriter) return refuse('forbidden', '只有撰稿人和协作者可以撤回');
      if (document.state !== 'review') return refuse('conflict', '文稿不在审核中，无需撤回');
      const acted = document.checkpointIndex !== 0 || (document.holders ?? []).some((h) => h.approved);
      if (acted) return refuse('conflict', '审核人已经办理，不能撤回；如需修改，请联系当前办理人退回');
      return { ok: true, state: 'draft', checkpointIndex: null, assigneeId: null, holderIds: [], newRevision: false, vouches: false, countersigned: false };
    }
    case 'reopen': {
      if (document.state !== 'final') return refuse('conflict', '只有定稿可以重新打开');
      if (actor.id !== document.finalizedBy && !actor.roles.includes('admin')) return refuse('forbidden', '只有签发人或管理员可以重新打开定稿');
      if (!request.comment?.trim()) return refuse('bad_request', '重新打开时请填写原因');
      return { ok: true, state: 'draft', checkpointIndex: null, assigneeId: null, holderIds: [], newRevision: true, vouches: false, countersigned: false };
    }
  }
}
