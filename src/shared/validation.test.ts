import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDocumentRequest, createUserRequest, listDocumentsQuery } from './api';
import { createSubmissionRequest, progressQuery, yearTargetsRequest } from './ledger';
import { ignoreRequest } from './proofing';
import { chineseErrors } from './validation';

function messageOf(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value, { error: chineseErrors });
  if (result.success) throw new Error('expected a failure');
  return result.error.issues[0].message;
}

describe('chineseErrors', () => {
  it('names the field and the reason', () => {
    expect(messageOf(createDocumentRequest, { title: '', kind: 'info' })).toBe('标题不能为空');
    expect(messageOf(createDocumentRequest, { title: '题'.repeat(201), kind: 'info' })).toBe('标题不能超过 200 个字');
    expect(messageOf(createDocumentRequest, { title: '题' })).toBe('缺少类别');
    expect(messageOf(createDocumentRequest, { title: '题', kind: 'poem' })).toBe('类别的取值无效');
    expect(messageOf(createDocumentRequest, { title: null, kind: 'info' })).toBe('标题不能为空');
    expect(messageOf(createDocumentRequest, { title: ['题'], kind: 'info' })).toBe('标题应为文字');
    expect(messageOf(createDocumentRequest, { title: '题', kind: 'info', blocks: [{ type: 'paragraph', level: 9, text: '' }] })).toBe('正文段落第 1 项的级别不能大于 4');
    expect(messageOf(createDocumentRequest, { title: '题', kind: 'info', blocks: [{ type: 'table', text: '' }] })).toBe('正文段落第 1 项的类型的取值无效');
    expect(messageOf(createDocumentRequest, { title: '题', kind: 'info', properties: { ['名'.repeat(65)]: 'x' } })).toBe('属性的名称不能超过 64 个字');
    expect(messageOf(createDocumentRequest, { title: '题', kind: 'info', properties: { 发文字号: 3 } })).toBe('属性“发文字号”的格式不正确');
    expect(messageOf(createDocumentRequest, undefined)).toBe('请求内容为空');
    expect(messageOf(createDocumentRequest, 'title')).toBe('请求内容应为对象');
  });

  it('keeps the messages written on the schemas', () => {
    expect(messageOf(createUserRequest, { username: 'dave', password: 'short', displayName: '戴', roles: [] })).toBe('密码至少 8 位');
    expect(messageOf(createUserRequest, { username: '张三', password: 'long-enough', displayName: '张三', roles: [] })).toBe('用户名只能包含字母、数字、下划线、点和连字符');
    expect(messageOf(createSubmissionRequest, { outletIds: ['o'], on: '2024-01-01' })).toBe('请选择定稿文稿，或填写标题和类别');
  });

  it('says what is wrong with numbers, lists and formats', () => {
    expect(messageOf(progressQuery, { year: 'abc' })).toBe('年度应为有效的数字');
    expect(messageOf(progressQuery, { year: '1999' })).toBe('年度不能小于 2000');
    expect(messageOf(progressQuery, { year: '2024.5' })).toBe('年度应为整数');
    expect(messageOf(listDocumentsQuery, { kind: ['info', 'media'] })).toBe('类别的取值无效');
    expect(messageOf(createSubmissionRequest, { title: '题', kind: 'info', outletIds: [], on: null })).toBe('请选择报送单位');
    expect(messageOf(ignoreRequest, { scope: 'nowhere', rule: 'r', start: 0, end: 1, text: 'x' })).toBe('范围的格式不正确');
    expect(messageOf(yearTargetsRequest, { targets: [{ key: 'k', name: '目标', target: 1, rule: { type: 'magic' } }], points: {} }))
      .toBe('年度目标第 1 项的规则的类型的取值无效');
  });
});
