import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHAINS, WORKFLOW_ACTIONS, WORKFLOW_STATES, decideTransition,
  type TransitionRequest, type WorkflowAction, type WorkflowState,
} from './workflow';
import type { Role } from './roles';

const people: Record<string, { id: string; roles: Role[] }> = {
  owner: { id: 'owner', roles: ['writer'] },
  collaborator: { id: 'collab', roles: ['writer'] },
  assignee: { id: 'rev1', roles: ['reviewer'] },
  otherReviewer: { id: 'rev2', roles: ['reviewer'] },
  signer: { id: 'sig', roles: ['signer'] },
  admin: { id: 'adm', roles: ['admin'] },
  clerk: { id: 'clk', roles: ['clerk'] },
};

/** 政务信息: 信息审核 (reviewer) → 主任签发 (signer). */
function request(action: WorkflowAction, state: WorkflowState, actor: keyof typeof people, overrides: Partial<TransitionRequest['document']> = {}): TransitionRequest {
  const inReview = state === 'review';
  return {
    action,
    actor: people[actor],
    assignee: action === 'submit' ? people.assignee : people.signer,
    comment: '意见',
    chain: DEFAULT_CHAINS.info,
    document: {
      state, ownerId: 'owner', collaboratorIds: ['collab'],
      checkpointIndex: inReview ? 0 : null, assigneeId: inReview ? 'rev1' : null,
      editorIds: ['owner', 'collab'], finalizedBy: state === 'final' ? 'sig' : null,
      ...overrides,
    },
  };
}

/** Who may do each action in each state (everything else is refused). */
const ALLOWED: Record<WorkflowAction, Partial<Record<WorkflowState, string[]>>> = {
  submit: { draft: ['owner', 'collaborator'], returned: ['owner', 'collaborator'] },
  approve: { review: ['assignee'] },
  return: { review: ['assignee'] },
  sign: {},
  reopen: { final: ['signer', 'admin'] },
  withdraw: { review: ['owner', 'collaborator'] },
};

describe('the workflow state table', () => {
  for (const action of WORKFLOW_ACTIONS) {
    for (const state of WORKFLOW_STATES) {
      for (const actor of Object.keys(people)) {
        const allowed = ALLOWED[action][state]?.includes(actor) ?? false;
        it(`${action} from ${state} by ${actor}: ${allowed ? 'allowed' : 'refused'}`, () => {
          const decision = decideTransition(request(action, state, actor));
          expect(decision.ok).toBe(allowed);
          if (!decision.ok) expect(decision.message).toMatch(/[\u4e00-\u9fff]/);
        });
      }
    }
  }

  it('moves a submission to the first checkpoint with the named assignee, and a resubmission starts there again', () => {
    expect(decideTransition(request('submit', 'returned', 'owner'))).toMatchObject({ ok: true, state: 'review', checkpointIndex: 0, assigneeId: 'rev1' });
  });

  it('passes an approval on to the next checkpoint\'s holder and records the content', () => {
    expect(decideTransition(request('approve', 'review', 'assignee'))).toMatchObject({ ok: true, state: 'review', checkpointIndex: 1, assigneeId: 'sig', vouches: true });
  });

  it('lets the signer at the last checkpoint sign, making the piece 定稿', () => {
    const atSigner = request('sign', 'review', 'signer', { checkpointIndex: 1, assigneeId: 'sig' });
    expect(decideTransition(atSigner)).toMatchObject({ ok: true, state: 'final', vouches: true });
    expect(decideTransition({ ...atSigner, action: 'approve' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('makes 媒体稿件 final at its single approval', () => {
    expect(decideTransition({ ...request('approve', 'review', 'assignee'), chain: DEFAULT_CHAINS.media })).toMatchObject({ ok: true, state: 'final' });
  });

  it('refuses an approval by someone who edited this revision (forbidden), even when assigned', () => {
    const edited = request('approve', 'review', 'assignee', { editorIds: ['owner', 'rev1'] });
    expect(decideTransition(edited)).toMatchObject({ ok: false, code: 'forbidden' });
    const ownPiece = request('approve', 'review', 'owner', { assigneeId: 'owner' });
    expect(decideTransition(ownPiece)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('requires a comment to return and a reason to reopen', () => {
    expect(decideTransition({ ...request('return', 'review', 'assignee'), comment: ' ' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(decideTransition({ ...request('reopen', 'final', 'signer'), comment: '' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(decideTransition(request('reopen', 'final', 'signer'))).toMatchObject({ ok: true, state: 'draft', newRevision: true });
  });

  it('refuses an assignee without the checkpoint\'s role, or one who wrote the piece', () => {
    expect(decideTransition({ ...request('submit', 'draft', 'owner'), assignee: people.signer })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(decideTransition({ ...request('submit', 'draft', 'owner'), assignee: { id: 'collab', roles: ['reviewer'] } })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(decideTransition({ ...request('submit', 'draft', 'owner'), assignee: null })).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('answers a state that forbids the action with conflict and a role that forbids it with forbidden', () => {
    expect(decideTransition(request('submit', 'review', 'owner'))).toMatchObject({ ok: false, code: 'conflict' });
    expect(decideTransition(request('approve', 'review', 'otherReviewer'))).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
