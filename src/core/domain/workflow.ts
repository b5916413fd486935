/**
 * The review workflow's one state table, used by the server (which decides) and the renderer (which
 * only follows): states, checkpoint chains per kind, and `decideTransition`, a pure function that
 * says whether an action is allowed and where it leads.
 */
import type { DocumentKind } from './kinds';
import type { Role } from './roles';

export const WORKFLOW_STATES = ['draft', 'review', 'returned', 'final'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const STATE_NAMES: Record<WorkflowState, string> = {
  draft: '起草', review: '审核中', returned: '已退回', final: '定稿',
};

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return', 'sign', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const ACTION_NAMES: Record<WorkflowAction, string> = {
  submit: '提交审核', approve: '通过', return: '退回', sign: '签发', reopen: '重新打开',
};

/** The roles that may hold a checkpoint. */
export const CHECKPOINT_ROLES = ['reviewer', 'signer'] as const satisfies readonly Role[];

/** One review checkpoint: who holds it (a reviewer or a signer) and its name on the screen. */
export interface Checkpoint { key: string; name: string; role: (typeof CHECKPOINT_ROLES)[number] }

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
  assignee?: { id: string; roles: readonly Role[]; disabled?: boolean } | null;
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
  };
  chain: CheckpointChain;
}

export type TransitionDecision =
  | { ok: true; state: WorkflowState; checkpointIndex: number | null; assigneeId: string | null; newRevision: boolean;
      /** True when this action vouches for the content (approve, sign): its hash is recorded. */
      vouches: boolean }
  /** A refusal: `forbidden` (not this actor's to take), `conflict` (not in this state), `bad_request` (missing or wrong input). */
  | { ok: false; code: 'forbidden' | 'conflict' | 'bad_request'; message: string };

const refuse = (code: 'forbidden' | 'conflict' | 'bad_request', message: string): TransitionDecision => ({ ok: false, code, message });

function checkAssignee(request: TransitionRequest, checkpoint: Checkpoint): TransitionDecision | null {
  const { assignee, document } = request;
  const role = checkpoint.role === 'reviewer' ? '审核人' : '签发人';
  if (!assignee) return refuse('bad_request', `请指定“${checkpoint.name}”的${role}`);
  if (assignee.disabled) return refuse('bad_request', '指定的人员账号已停用');
  if (!assignee.roles.includes(checkpoint.role)) return refuse('bad_request', `指定的人员不是${role}`);
  if (document.editorIds.includes(assignee.id) || assignee.id === document.ownerId) {
    return refuse('bad_request', '不能指定本稿的撰稿人或修改人审核本稿');
  }
  return null;
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
      const problem = checkAssignee(request, first);
      if (problem) return problem;
      return { ok: true, state: 'review', checkpointIndex: 0, assigneeId: request.assignee?.id ?? null, newRevision: false, vouches: false };
    }
    case 'approve':
    case 'sign':
    case 'return': {
      if (document.state !== 'review' || !current || document.checkpointIndex === null) return refuse('conflict', '文稿不在审核中');
      if (actor.id !== document.assigneeId) return refuse('forbidden', `此稿当前由他人办理（${current.name}）`);
      if (action === 'return') {
        if (!request.comment?.trim()) return refuse('bad_request', '退回时请填写退回意见');
        return { ok: true, state: 'returned', checkpointIndex: null, assigneeId: null, newRevision: false, vouches: false };
      }
      if (wroteIt) return refuse('forbidden', '不能审核或签发自己撰写或修改过的文稿');
      if (action === 'sign') {
        if (current.role !== 'signer' || !isLast) return refuse('conflict', `“${current.name}”不是签发环节`);
        return { ok: true, state: 'final', checkpointIndex: null, assigneeId: null, newRevision: false, vouches: true };
      }
      if (current.role === 'signer' && isLast) return refuse('conflict', '最后的签发环节请使用“签发”');
      if (isLast) return { ok: true, state: 'final', checkpointIndex: null, assigneeId: null, newRevision: false, vouches: true };
      const next = chain.checkpoints[document.checkpointIndex + 1];
      const problem = checkAssignee(request, next);
      if (problem) return problem;
      return { ok: true, state: 'review', checkpointIndex: document.checkpointIndex + 1, assigneeId: request.assignee?.id ?? null, newRevision: false, vouches: true };
    }
    case 'reopen': {
      if (document.state !== 'final') return refuse('conflict', '只有定稿可以重新打开');
      if (actor.id !== document.finalizedBy && !actor.roles.includes('admin')) return refuse('forbidden', '只有签发人或管理员可以重新打开定稿');
      if (!request.comment?.trim()) return refuse('bad_request', '重新打开时请填写原因');
      return { ok: true, state: 'draft', checkpointIndex: null, assigneeId: null, newRevision: true, vouches: false };
    }
  }
}
