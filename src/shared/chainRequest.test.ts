import { describe, expect, it } from 'vitest';
import { chainRequest } from './review';
import { chineseErrors } from './validation';

const check = { key: 'check', name: '核稿', role: 'reviewer' };
const sign = { key: 'sign', name: '签发', role: 'signer' };
const joint = (extra: Record<string, unknown>) => ({ key: 'joint', name: '部门会签', role: 'reviewer', countersign: true, ...extra });

/** The first Chinese message the chain schema gives `checkpoints`, or null when it takes them. */
function refusal(checkpoints: unknown[]): string | null {
  const parsed = chainRequest.safeParse({ draftName: '拟稿', checkpoints }, { error: chineseErrors });
  return parsed.success ? null : parsed.error.issues[0]?.message ?? '';
}

describe('chainRequest with a 会签 step drawing on departments', () => {
  it('takes departments on a 会签 step, cleaned, and keeps role-based chains as they were', () => {
    const parsed = chainRequest.parse({ draftName: '拟稿', checkpoints: [check, joint({ holdersFrom: 'departments', departments: [' 办公室 ', '财务科'] }), sign] });
    expect(parsed.checkpoints[1]).toEqual({ key: 'joint', name: '部门会签', role: 'reviewer', countersign: true, holdersFrom: 'departments', departments: ['办公室', '财务科'] });
    expect(chainRequest.parse({ draftName: '拟稿', checkpoints: [check, joint({}), sign] }).checkpoints[1]).toEqual(joint({}));
  });

  it('refuses in Chinese: no departments, a department twice, a blank one, departments on a step that is not 会签', () => {
    expect(refusal([joint({ holdersFrom: 'departments' }), sign])).toBe('请填写“部门会签”的会签部门');
    expect(refusal([joint({ holdersFrom: 'departments', departments: [] }), sign])).toBe('请填写“部门会签”的会签部门');
    expect(refusal([joint({ holdersFrom: 'departments', departments: ['办公室', '办公室'] }), sign])).toBe('会签部门“办公室”重复');
    expect(refusal([joint({ holdersFrom: 'departments', departments: ['办公室', ' '] }), sign])).toBe('审核环节第 1 项的会签部门第 2 项不能为空');
    expect(refusal([{ ...check, holdersFrom: 'departments', departments: ['办公室'] }, sign])).toBe('“核稿”不是会签环节，不能按部门选择办理人');
    expect(refusal([joint({ holdersFrom: 'everyone' }), sign])).toBe('审核环节第 1 项的会签人来源的取值无效');
  });
});
