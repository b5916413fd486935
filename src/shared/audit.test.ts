import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_GROUPS, auditActionLabel } from './audit';

describe('the table of action names', () => {
  it('reads the office’s words', () => {
    expect(['auth.failed', 'workflow.submit', 'workflow.approve', 'workflow.return', 'workflow.sign', 'document.export', 'submission.create']
      .map((a) => auditActionLabel(a))).toEqual(['登录失败', '提交审核', '通过', '退回', '签发', '导出', '报送登记']);
    expect(auditActionLabel('submission.event', { status: 'adopted' })).toBe('采用');
    expect(auditActionLabel('submission.event', { status: 'published' })).toBe('刊发');
    expect(auditActionLabel('something.new')).toBe('其他操作');
  });

  it('has each key once', () => {
    const keys = AUDIT_ACTION_GROUPS.flatMap((g) => g.actions.map(([key]) => key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
