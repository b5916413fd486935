import { describe, expect, it } from 'vitest';
import { countWords } from './wordCount';

describe('countWords', () => {
  it('counts a sentence of a work report as Word does', () => {
    // 沂河新区 4 + 2023 1 + 年完成投资 5 + 126.5 1 + 亿元 2 + ， 1 + 占 1 + 78.3% 1 + 。 1
    expect(countWords('沂河新区2023年完成投资126.5亿元，占78.3%。')).toBe(17);
  });

  it('counts every Chinese punctuation mark one', () => {
    expect(countWords('“十四五”规划、《意见》【通知】（一）；：？！——……·')).toBe(28);
  });

  it('counts nothing for whitespace, incl. the ideographic space and line breaks', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' \t\n\u3000\u00a0')).toBe(0);
    expect(countWords('\u3000\u3000一、提高认识\n')).toBe(6);
  });

  it('counts a run of Latin letters or digits one, punctuation attached to it included', () => {
    expect(countWords('GDP')).toBe(1);
    expect(countWords('Hello, world!')).toBe(2);
    expect(countWords('don\'t and don’t')).toBe(3);
    expect(countWords('5G基站')).toBe(3);
    expect(countWords('COVID-19疫情')).toBe(3);
  });

  it('counts standalone ASCII punctuation one', () => {
    expect(countWords('a - b')).toBe(3);
    expect(countWords('甲 / 乙')).toBe(3);
  });

  it('counts full-width letters and digits one each', () => {
    expect(countWords('２０２３年')).toBe(5);
  });

  it('counts kana, hangul and Han extension characters one each', () => {
    expect(countWords('ひらがなカタカナ')).toBe(8);
    expect(countWords('한국어')).toBe(3);
    expect(countWords('𠀀𪚥')).toBe(2);
  });
});
