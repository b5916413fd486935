import { describe, expect, it } from 'vitest';
import { decideTransition, type CheckpointChain, type StepHolder, type TransitionRequest, type WorkflowAction } from './workflow';
import { decideReminder, type ReminderRequest } from './reminders';
import type { Role } from './roles';

/** 公文 with a 会签 step: 核稿 → 会签 (several reviewers) → 签发. */
const CHAIN: CheckpointChain = { draftName: '拟稿', checkpoints: [
  { key: 'check', name: '核稿', role: 'reviewer' },
  { key: 'joint', name: '会签', role: 'reviewer', countersign: true },
  { key: 'sign', name: '签发', role: 'signer' },
] };

const REVIEWER: Role[] = ['reviewer'];
const reviewer = (id: string, disabled = false) => ({ id, roles: REVIEWER, disabled });
const holder = (id: string, approved = false, disabled = false): StepHolder => ({ id, approved, disabled });

/** A request at the 会签 step (index 1) with holders a, b and c. */
function atJoint(action: WorkflowAction, actorId: string, holders: StepHolder[], extra: Partial<TransitionRequest> = {}): TransitionRequest {
  return {
    action, actor: { id: actorId, roles: ['reviewer'] }, comment: '意见', chain: CHAIN,
    assignee: { id: 'sig', roles: ['signer'] },
    document: {
      state: 'review', ownerId: 'owner', collaboratorIds: [], checkpointIndex: 1, assigneeId: null,
      editorIds: ['owner'], finalizedBy: null, holders,
    },
    ...extra,
  };
}

describe('会签 in the state table', () => {
  it('opens a 会签 step with every named holder, and asks for at least one', () => {
    const request: TransitionRequest = {
      action: 'approve', actor: { id: 'chk', roles: ['reviewer'] }, chain: CHAIN,
      assignees: [reviewer('a'), reviewer('b'), reviewer('c')],
      document: { state: 'review', ownerId: 'owner', collaboratorIds: [], checkpointIndex: 0, assigneeId: 'chk', editorIds: ['owner'], finalizedBy: null },
    };
    expect(decideTransition(request)).toMatchObject({ ok: true, state: 'review', checkpointIndex: 1, assigneeId: null, holderIds: ['a', 'b', 'c'], vouches: true });
    expect(decideTransition({ ...request, assignees: [] })).toMatchObject({ ok: false, code: 'bad_request', message: '请选择“会签”的会签人（可多选）' });
    expect(decideTransition({ ...request, assignees: [reviewer('a'), reviewer('a')] })).toMatchObject({ ok: false, message: '会签人重复' });
    expect(decideTransition({ ...request, assignees: [reviewer('a'), { id: 'owner', roles: ['reviewer'] }] }))
      .toMatchObject({ ok: false, message: '不能指定本稿的撰稿人或修改人审核本稿' });
    expect(decideTransition({ ...request, assignees: [reviewer('a'), { id: 'w', roles: ['writer'] }] })).toMatchObject({ ok: false, message: '指定的人员不是审核人' });
  });

  it('keeps the step open until every holder has approved, then moves on to the next holder', () => {
    const first = decideTransition(atJoint('approve', 'a', [holder('a'), holder('b'), holder('c')]));
    expect(first).toMatchObject({ ok: true, state: 'review', checkpointIndex: 1, countersigned: true, vouches: true });
    const second = decideTransition(atJoint('approve', 'b', [holder('a', true), holder('b'), holder('c')]));
    expect(second).toMatchObject({ ok: true, countersigned: true });
    const last = decideTransition(atJoint('approve', 'c', [holder('a', true), holder('b', true), holder('c')]));
    expect(last).toMatchObject({ ok: true, state: 'review', checkpointIndex: 2, assigneeId: 'sig', countersigned: false });
    // The last holder names the next step's holder.
    expect(decideTransition(atJoint('approve', 'c', [holder('a', true), holder('b', true), holder('c')], { assignee: null })))
      .toMatchObject({ ok: false, code: 'bad_request', message: '请指定“签发”的签发人' });
  });

  it('returns the piece when any holder returns, even after others approved', () => {
    const decision = decideTransition(atJoint('return', 'b', [holder('a', true), holder('b'), holder('c')]));
    expect(decision).toMatchObject({ ok: true, state: 'returned', checkpointIndex: null, holderIds: [] });
  });

  it('refuses a holder approving twice while others still have to approve, and anyone who is not a holder', () => {
    expect(decideTransition(atJoint('approve', 'a', [holder('a', true), holder('b'), holder('c')])))
      .toMatchObject({ ok: false, code: 'conflict', message: '您已会签同意，正在等待其他会签人' });
    expect(decideTransition(atJoint('return', 'a', [holder('a', true), holder('b')])))
      .toMatchObject({ ok: false, code: 'conflict' });
    expect(decideTransition(atJoint('approve', 'x', [holder('a'), holder('b')])))
      .toMatchObject({ ok: false, code: 'forbidden', message: '此稿正在会签（会签），您不是会签人' });
    expect(decideTransition(atJoint('sign', 'a', [holder('a'), holder('b')]))).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('no longer waits for a holder disabled mid-step', () => {
    // b left the office: once a and c have approved, the step passes.
    expect(decideTransition(atJoint('approve', 'c', [holder('a', true), holder('b', false, true), holder('c')])))
      .toMatchObject({ ok: true, checkpointIndex: 2, countersigned: false });
    // b was the last one waited on: an earlier holder may close the step.
    expect(decideTransition(atJoint('approve', 'a', [holder('a', true), holder('b', false, true), holder('c', true)])))
      .toMatchObject({ ok: true, checkpointIndex: 2, assigneeId: 'sig' });
  });
});

describe('撤回', () => {
  const submitted = (overrides: Partial<TransitionRequest['document']> = {}): TransitionRequest => ({
    action: 'withdraw', actor: { id: 'owner', roles: ['writer'] }, chain: CHAIN,
    document: { state: 'review', ownerId: 'owner', collaboratorIds: ['co'], checkpointIndex: 0, assigneeId: 'chk', editorIds: ['owner'], finalizedBy: null, ...overrides },
  });

  it('takes a submission back to 起草 before its first holder acted', () => {
    expect(decideTransition(submitted())).toMatchObject({ ok: true, state: 'draft', checkpointIndex: null, assigneeId: null, vouches: false });
    expect(decideTransition({ ...submitted(), actor: { id: 'co', roles: ['writer'] } })).toMatchObject({ ok: true });
  });

  it('refuses once the first holder approved, and for anyone but the writers', () => {
    expect(decideTransition(submitted({ checkpointIndex: 1, assigneeId: 'x' }))).toMatchObject({ ok: false, code: 'conflict' });
    const jointFirst: CheckpointChain = { draftName: '拟稿', checkpoints: [CHAIN.checkpoints[1], CHAIN.checkpoints[2]] };
    expect(decideTransition({ ...submitted({ assigneeId: null, holders: [holder('a', true), holder('b')] }), chain: jointFirst }))
      .toMatchObject({ ok: false, code: 'conflict' });
    expect(decideTransition({ ...submitted(), actor: { id: 'chk', roles: ['reviewer'] } })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideTransition(submitted({ state: 'final', checkpointIndex: null }))).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('催办', () => {
  const HOUR = 3_600_000;
  const base: ReminderRequest = {
    actorId: 'owner', document: { state: 'review', ownerId: 'owner', collaboratorIds: [], deleted: false },
    pendingHolderIds: ['a', 'b'], heldSince: '2026-12-01T00:00:00.000Z', lastRemindedAt: null,
    now: new Date('2026-12-02T01:00:00.000Z'), afterMs: 24 * HOUR,
  };

  it('reminds the holders still to act once they have had the piece long enough', () => {
    expect(decideReminder(base)).toEqual({ ok: true, holderIds: ['a', 'b'] });
  });

  it('refuses too early, twice within the interval, and for others than the writers', () => {
    expect(decideReminder({ ...base, now: new Date('2026-12-01T20:00:00.000Z') }))
      .toMatchObject({ ok: false, code: 'conflict', message: '送达未满 24 小时，暂不能催办（还需 4 小时）' });
    expect(decideReminder({ ...base, lastRemindedAt: '2026-12-02T00:30:00.000Z' }))
      .toMatchObject({ ok: false, message: '已催办过，24 小时内只能催办一次（还需 24 小时）' });
    expect(decideReminder({ ...base, actorId: 'a' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideReminder({ ...base, document: { ...base.document, state: 'returned' } })).toMatchObject({ ok: false, code: 'conflict' });
  });
});
