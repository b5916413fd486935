import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { DEFAULT_CHAINS } from '../domain/workflow';
import { dispatchForm, opinionOf, type FormHistoryEntry } from './dispatchForm';
import { exportDispatchForm } from './dispatchFormDocx';

const chain = { draftName: '拟稿', checkpoints: [
  { key: 'check', name: '核稿', role: 'reviewer' as const },
  { key: 'joint', name: '会签', role: 'reviewer' as const },
  { key: 'sign', name: '签发', role: 'signer' as const },
] };
const properties = { 发文字号: '沂新办发〔2023〕12号', 密级: '', 紧急程度: '特急', 主送机关: '各部门：', 抄送: '区纪工委。', 印发份数: '30', 附件: ['细则', '名单'] };
const entry = (action: FormHistoryEntry['action'], checkpoint: string | null, actorName: string, comment: string, at: string): FormHistoryEntry =>
  ({ action, checkpoint, actorName, comment, at });

describe('dispatchForm', () => {
  it('fills each box from the current round and names what is pending before 定稿', () => {
    const history = [
      entry('submit', null, '王拟', '', '2023-09-01T01:00:00Z'),
      entry('return', '核稿', '李核', '改标题', '2023-09-01T02:00:00Z'),
      entry('submit', null, '王拟', '', '2023-09-02T01:00:00Z'),
      entry('approve', '核稿', '李核', '同意', '2023-09-02T02:00:00Z'),
      entry('approve', '会签', '赵会', '无意见', '2023-09-02T17:00:00Z'),
    ];
    const form = dispatchForm({ kind: 'official', title: '通知', properties, state: 'review', chain, ownerName: '王拟', history, approvedHash: 'v2:abc', checkpointIndex: 2 });
    // Still at the 会签 step (its other holders have not approved): 会签 is pending though one holder signed.
    const midway = dispatchForm({ kind: 'official', title: '通知', properties, state: 'review', chain, ownerName: '王拟', history, approvedHash: 'v2:abc', checkpointIndex: 1 });
    expect(midway.countersign.signatures).toHaveLength(1);
    expect(midway.pending).toEqual(['会签', '签发']);
    expect(form.check.signatures).toEqual([{ step: '核稿', name: '李核', opinion: '同意', date: '2023年9月2日' }]);
    expect(form.countersign.signatures).toEqual([{ step: '会签', name: '赵会', opinion: '无意见', date: '2023年9月3日' }]);
    expect(form.sign.pending).toEqual(['签发']);
    expect(form.pending).toEqual(['签发']);
    expect(form.drafter).toEqual({ unit: '', name: '王拟', date: '2023年9月2日' });
    expect(form.fields.find((f) => f.label === '附件')?.value).toBe('1.细则；2.名单');
    expect(form.final).toBe(false);
  });

  it('puts each 会签 holder\'s 部门 before their name, in the form and in the .docx', async () => {
    const history: FormHistoryEntry[] = [
      entry('submit', null, '王拟', '', '2026-03-01T01:00:00Z'),
      { ...entry('approve', '核稿', '李核', '同意', '2026-03-01T02:00:00Z'), actorDepartment: '秘书科' },
      { ...entry('approve', '会签', '张三', '同意', '2026-03-02T02:00:00Z'), actorDepartment: '办公室' },
      entry('approve', '会签', '李四', '无意见', '2026-03-02T03:00:00Z'),
    ];
    const form = dispatchForm({ kind: 'official', title: '通知', properties, state: 'review', chain, ownerName: '王拟', history, approvedHash: 'v2:abc', checkpointIndex: 2 });
    expect(form.countersign.signatures.map((s) => [s.department, s.name])).toEqual([['办公室', '张三'], [undefined, '李四']]);
    // Only the 会签 box names departments: a 核稿 holder signs as themselves.
    expect(form.check.signatures[0]).not.toHaveProperty('department');
    const xml = strFromU8(unzipSync(await exportDispatchForm(form))['word/document.xml']);
    expect(xml).toContain('办公室\u3000张三\u30002026年3月2日');
    expect(xml).toContain('>李四\u30002026年3月2日');
  });

  it('a draft never submitted is pending from 拟稿 on', () => {
    const form = dispatchForm({ kind: 'official', title: '通知', properties, state: 'draft', chain: DEFAULT_CHAINS.official, ownerName: '王拟', history: [], approvedHash: null });
    expect(form.pending).toEqual(['拟稿', '核稿', '签发']);
    expect(form.contentHash).toBe('');
  });

  it('reads opinions from one place, preferring a transition opinion to the comment', () => {
    expect(opinionOf({ comment: ' 同意 ' })).toBe('同意');
    expect(opinionOf({ comment: '旧', opinion: '请印发' })).toBe('请印发');
  });

  it('writes the names, opinions, dates and hash into the table of document.xml', async () => {
    const history = [
      entry('submit', null, '王拟', '', '2023-09-02T01:00:00Z'),
      entry('approve', '核稿', '李核', '同意', '2023-09-02T02:00:00Z'),
      entry('approve', '会签', '赵会', '无意见', '2023-09-02T03:00:00Z'),
      entry('sign', '签发', '周签', '同意，请印发', '2023-09-03T03:00:00Z'),
    ];
    const form = dispatchForm({ kind: 'official', title: '通知', properties, state: 'final', chain, ownerName: '王拟', history, approvedHash: 'v2:feed' });
    const xml = strFromU8(unzipSync(await exportDispatchForm(form))['word/document.xml']);
    expect(xml).toContain('<w:tbl>');
    for (const text of ['李核', '赵会', '周签', '同意，请印发', '2023年9月3日', 'v2:feed', '沂新办发〔2023〕12号', '已定稿']) expect(xml).toContain(text);
  });
});
