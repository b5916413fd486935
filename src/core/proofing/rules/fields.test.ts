import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('发文字号', () => {
  it('flags wrong brackets, 第 and leading zeros, with the standard form', () => {
    expect(findings('根据沂新办发[2023]12号文件。', 'field', undefined)).toMatchObject([{ text: '[2023]12号', suggestions: ['〔2023〕12号'] }]);
    expect(findings('沂新办发〔2023〕第12号', 'field')).toMatchObject([{ suggestions: ['〔2023〕12号'] }]);
    expect(findings('沂新办发〔2023〕012号', 'field')).toMatchObject([{ suggestions: ['〔2023〕12号'] }]);
    // The half-width parentheses are part of this one finding, not two more.
    expect(findings('沂新办发(2023)12号', '')).toMatchObject([{ rule: 'field.docNumber', text: '(2023)12号' }]);
  });

  it('accepts the standard form and bracketed years that are not 发文字号', () => {
    for (const text of ['沂新办发〔2023〕12号', '（2023年）工作要点。', '（2023）鲁01民初1号', '第12号公告。']) {
      expect(flagged(text, 'field'), text).toEqual([]);
    }
  });
});

describe('附件说明', () => {
  it('flags 1、, a trailing mark, 书名号, and a number on a single attachment', () => {
    expect(findings('附件：1、考核细则\n2.联络员名单', 'field.attachment')).toMatchObject([{ text: '、', suggestions: ['.'] }]);
    expect(findings('附件：1.考核细则；\n2.联络员名单', 'field.attachment')).toMatchObject([{ text: '；', suggestions: [''] }]);
    expect(findings('附件：《考核细则》', 'field.attachment')).toMatchObject([{ suggestions: ['考核细则'] }]);
    expect(findings('附件：1.考核细则', 'field.attachment')).toMatchObject([{ severity: 'hint', suggestions: [''] }]);
  });

  it('accepts the standard form', () => {
    expect(flagged('附件：1.沂河新区政务信息报送考核细则\n2.沂河新区政务信息报送联络员名单', 'field')).toEqual([]);
    expect(flagged('附件：沂河新区政务信息报送考核细则', 'field')).toEqual([]);
  });
});
