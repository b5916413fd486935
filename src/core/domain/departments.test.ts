import { describe, expect, it } from 'vitest';
import { departmentCoverageProblem } from './departments';
import { decideTransition, type CheckpointChain, type StepHolder, type TransitionRequest } from './workflow';

/** 公文: 核稿 → 会签 from 办公室 and 财务科 → 签发. */
const CHAIN: CheckpointChain = { draftName: '拟稿', checkpoints: [
  { key: 'check', name: '核稿', role: 'reviewer' },
  { key: 'joint', name: '部门会签', role: 'reviewer', countersign: true, holdersFrom: 'departments', departments: ['办公室', '财务科'] },
  { key: 'sign', name: '签发', role: 'signer' },
] };

const person = (id: string, department: string | null, displayName = id) => ({ id, roles: ['reviewer' as const], department, displayName });

/** The 核稿 holder approving and naming `assignees` for the department 会签. */
function naming(assignees: TransitionRequest['assignees'], chain = CHAIN): TransitionRequest {
  return {
    action: 'approve', actor: { id: 'chk', roles: ['reviewer'] }, chain, assignees,
    document: { state: 'review', ownerId: 'owner', collaboratorIds: [], checkpointIndex: 0, assigneeId: 'chk', editorIds: ['owner'], finalizedBy: null },
  };
}

describe('departmentCoverageProblem', () => {
  it('wants a holder from each listed department and names the missing ones', () => {
    expect(departmentCoverageProblem(['办公室', '财务科'], [{ department: '办公室' }, { department: '财务科' }])).toBeNull();
    expect(departmentCoverageProblem(['办公室', '财务科', '人事科'], [{ department: '办公室' }, { department: '办公室' }]))
      .toBe('会签部门“财务科”、“人事科”尚未选择会签人：每个会签部门至少选择一位');
  });

  it('refuses a holder outside the listed departments, or with none, by name', () => {
    expect(departmentCoverageProblem(['办公室'], [{ department: '办公室', displayName: '张三' }, { department: '法规科', displayName: '李四' }, { displayName: '王五' }]))
      .toBe('会签人“李四”、“王五”不属于会签部门（办公室）');
  });
});

describe('a 会签 step drawing on departments', () => {
  it('opens with holders from every listed department', () => {
    expect(decideTransition(naming([person('a', '办公室'), person('b', '财务科'), person('c', '财务科')])))
      .toMatchObject({ ok: true, checkpointIndex: 1, holderIds: ['a', 'b', 'c'] });
  });

  it('refuses a choice that leaves a department out, naming it', () => {
    expect(decideTransition(naming([person('a', '办公室'), person('b', '办公室')])))
      .toEqual({ ok: false, code: 'bad_request', message: '会签部门“财务科”尚未选择会签人：每个会签部门至少选择一位' });
  });

  it('still checks the role and the authors before the departments', () => {
    expect(decideTransition(naming([person('a', '办公室'), { id: 'b', roles: ['writer'], department: '财务科' }])))
      .toMatchObject({ ok: false, message: '指定的人员不是审核人' });
  });

  it('leaves a role-based 会签 step to the role alone', () => {
    const roleBased: CheckpointChain = { ...CHAIN, checkpoints: CHAIN.checkpoints.map((c) => ({ ...c, holdersFrom: undefined, departments: undefined })) };
    expect(decideTransition(naming([person('a', null), person('b', '法规科')], roleBased))).toMatchObject({ ok: true, holderIds: ['a', 'b'] });
  });

  it('passes when every holder still in the office approved, as a role-based step does (a disabled one is not waited on)', () => {
    const holders: StepHolder[] = [{ id: 'a', approved: true, disabled: false }, { id: 'b', approved: false, disabled: true }, { id: 'c', approved: false, disabled: false }];
    const request: TransitionRequest = {
      action: 'approve', actor: { id: 'c', roles: ['reviewer'] }, chain: CHAIN, assignee: { id: 'sig', roles: ['signer'] },
      document: { state: 'review', ownerId: 'owner', collaboratorIds: [], checkpointIndex: 1, assigneeId: null, editorIds: ['owner'], finalizedBy: null, holders },
    };
    expect(decideTransition(request)).toMatchObject({ ok: true, checkpointIndex: 2, assigneeId: 'sig', countersigned: false });
  });
});
