import { describe, expect, it } from 'vitest';
import { DEFAULT_PHRASING } from '../defaultPhrasing';
import { findings, flagged } from '../testing';
import type { ProofingData } from '../types';

const data: ProofingData = {
  phrasing: DEFAULT_PHRASING,
  sensitive: [{ word: '内部资料', note: '非涉密系统' }, { word: '绝密', severity: 'error' }],
  leaders: [],
};

describe('规范表述', () => {
  it('flags non-standard phrasing with the standard form', () => {
    expect(findings('截止目前，完成投资。', 'phrasing', data)).toMatchObject([{ text: '截止目前', suggestions: ['截至目前'], severity: 'error' }]);
    expect(findings('要再接再励。', 'phrasing', data)).toMatchObject([{ suggestions: ['再接再厉'] }]);
    expect(findings('区党工委管委会领导。', 'phrasing', data)).toMatchObject([{ severity: 'warning', suggestions: ['党工委、管委会'] }]);
    expect(flagged('学习贯彻二十大精神。', 'phrasing', data)).toEqual(['二十大精神']);
  });

  it('does not flag the standard form, even where it contains the wrong one', () => {
    for (const text of ['截至目前，完成投资。', '学习贯彻党的二十大精神。', '区党工委、管委会领导。', '截止日期为9月10日。', '其他工作。']) {
      expect(flagged(text, 'phrasing', data), text).toEqual([]);
    }
  });
});

describe('sensitive words', () => {
  it('flags listed words with their severity and note, nothing else', () => {
    expect(findings('此件为内部资料。', 'sensitive', data)).toMatchObject([{ severity: 'warning' }]);
    expect(findings('标注绝密。', 'sensitive', data)).toMatchObject([{ severity: 'error' }]);
    expect(flagged('内部管理资料。', 'sensitive', data)).toEqual([]);
    expect(flagged('此件为内部资料。', 'sensitive')).toEqual([]);
  });
});
