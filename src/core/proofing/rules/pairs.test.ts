import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('paired marks', () => {
  it('flags an unbalanced quotation mark, bracket or 书名号 in a paragraph', () => {
    expect(flagged('坚持把“12345·首发作为重要平台。', 'punctuation.unpaired')).toEqual(['“']);
    expect(flagged('解决干与不干一个样”的问题。', 'punctuation.unpaired')).toEqual(['”']);
    expect(flagged('研究制定《考核办法，突出主责。', 'punctuation.unpaired')).toEqual(['《']);
    expect(flagged('（联系人：王明。', 'punctuation.unpaired')).toEqual(['（']);
    expect(flagged('【文字大小：', 'punctuation.unpaired')).toEqual(['【']);
  });

  it('offers the certain fix when both marks point the same way', () => {
    expect(findings('创新实施“四个一“工作机制。', 'punctuation.unpaired')).toEqual([
      { rule: 'punctuation.unpaired', text: '“', severity: 'error', suggestions: ['”'] },
    ]);
    expect(findings('将项目纳入”三亮”活动。', 'punctuation.unpaired')[0].suggestions).toEqual(['“']);
  });

  it('accepts balanced and nested marks, half- and full-width brackets together, and English apostrophes', () => {
    for (const text of [
      '实行“周调度、月通报、季观摩”，形成闭环。', '他说：“要落实‘三亮’活动。”', '深学细悟《习近平在正定》等读本。',
      '党政办公室（党工委办公室)负责。', 'It’s done，完成。', '沂新办发〔2023〕12号',
    ]) {
      expect(flagged(text, 'punctuation.unpaired'), text).toEqual([]);
    }
  });

  it('accepts a quotation over several paragraphs, each opened with “ and only the last closed', () => {
    expect(flagged('“第一段引文。\n“第二段引文。”', 'punctuation.unpaired')).toEqual([]);
    expect(flagged('“第一段引文。\n第二段正文。', 'punctuation.unpaired')).toEqual(['“']);
  });
});
