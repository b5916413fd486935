import { describe, expect, it } from 'vitest';
import { describeDetails, type AuditNames } from './auditDetails';

const names: AuditNames = {
  user: (id) => ({ u1: '张三', u2: '李四' } as Record<string, string>)[id],
  document: (id) => (id === 'd1' ? { title: '关于做好防汛工作的通知', kind: 'comprehensive', deleted: false, chain: null } : undefined),
  submission: () => undefined,
  outlet: (id) => (id === 'o1' ? '大众日报' : undefined),
  version: () => undefined,
};
const read = (action: string, detail: Record<string, unknown>, documentId: string | null = null): string =>
  describeDetails(action, detail, names, documentId).map((d) => `${d.label}：${d.value}`).join('；');

describe('audit details in words', () => {
  it('reads people, states, checkpoints and roles', () => {
    expect(read('workflow.approve', { from: 'review', to: 'review', checkpoint: 'section', assigneeId: 'u2', contentHash: 'ab'.repeat(32) }, 'd1'))
      .toBe('原状态：审核中；新状态：审核中；环节：科室审核；办理人：李四；内容指纹：abababababab');
    expect(read('user.update', { roles: ['writer', 'reviewer'], disabled: true, password: '(reset)' })).toBe('角色：撰稿人、审核人；账号：停用；密码：已重置');
    expect(read('document.update', { fields: ['title', 'properties'] })).toBe('修改内容：标题、文稿属性');
    expect(read('outlet.update', { kind: 'media', level: 'provincial', disabled: true })).toBe('类别：媒体；级别：省级；状态：停用');
  });

  it('reads a failed login and an export, leaving opaque ids out', () => {
    expect(read('auth.failed', { username: 'zhangsan', address: '10.0.0.8', reason: 'password' })).toBe('用户名：zhangsan；地址：10.0.0.8；原因：密码错误');
    expect(read('document.export', { layout: 'official', final: false })).toBe('版式：公文；稿件：草稿');
    expect(read('submission.evidence', { file: 'f0a1b2c3-0000-4000-8000-000000000000', filename: '采用通知.pdf' })).toBe('文件名：采用通知.pdf');
    expect(read('submission.create', { documentId: 'd1', outlets: ['o1'] })).toBe('文稿：关于做好防汛工作的通知；报送单位/媒体：大众日报');
  });

  it('reads an export filter', () => {
    expect(read('audit.export', { filters: { user: 'u1', action: 'submission.event:adopted', from: '2026-01-01' }, entries: 3 }))
      .toBe('筛选条件：操作人 张三，操作 采用，起 2026-01-01；条目数：3');
    expect(read('audit.export', { filters: {}, entries: 10 })).toBe('筛选条件：无（全部记录）；条目数：10');
  });
});
