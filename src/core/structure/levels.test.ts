import { describe, expect, it } from 'vitest';
import {
  type NumberedLevel,
  LEVEL_LABELS,
  formatLevelNumber,
  numberPrefixEdit,
  parseLevelNumber,
  renumber,
  sequenceNumbers,
  splitRunIn,
  toChineseNumeral,
} from './levels';

describe('toChineseNumeral', () => {
  it('writes 1 to 99 as official documents do', () => {
    const expected: Record<number, string> = {
      1: '一', 9: '九', 10: '十', 11: '十一', 19: '十九', 20: '二十', 21: '二十一', 30: '三十', 99: '九十九',
    };
    for (const [n, text] of Object.entries(expected)) expect(toChineseNumeral(Number(n))).toBe(text);
  });

  it('goes on past 99', () => {
    expect(toChineseNumeral(100)).toBe('一百');
    expect(toChineseNumeral(101)).toBe('一百零一');
    expect(toChineseNumeral(110)).toBe('一百一十');
    expect(toChineseNumeral(1010)).toBe('一千零一十');
    expect(toChineseNumeral(12345)).toBe('12345');
  });
});

const LEVELS: readonly NumberedLevel[] = [1, 2, 3, 4];

describe('formatLevelNumber and parseLevelNumber', () => {
  it('formats the four levels', () => {
    expect(formatLevelNumber(1, 12)).toBe('十二、');
    expect(formatLevelNumber(2, 3)).toBe('（三）');
    expect(formatLevelNumber(3, 4)).toBe('4.');
    expect(formatLevelNumber(4, 15)).toBe('（15）');
  });

  it('reads back every number it formats, for 1 to 120', () => {
    for (const level of LEVELS) {
      for (let n = 1; n <= 120; n += 1) {
        const text = `${formatLevelNumber(level, n)}标题`;
        expect(parseLevelNumber(text)).toEqual({ level, n, length: text.length - 2 });
      }
    }
  });

  it('accepts half-width parentheses, a full-width dot and trailing spaces', () => {
    expect(parseLevelNumber('(二)加强领导')).toEqual({ level: 2, n: 2, length: 3 });
    expect(parseLevelNumber('(12) 细化分工')).toEqual({ level: 4, n: 12, length: 5 });
    expect(parseLevelNumber('3．压实责任')).toEqual({ level: 3, n: 3, length: 2 });
    expect(parseLevelNumber('二十一、\u3000总结')).toEqual({ level: 1, n: 21, length: 5 });
    expect(parseLevelNumber('１０．完善机制')).toEqual({ level: 3, n: 10, length: 3 });
  });

  it('does not take decimals, years or ordinary text for numbers', () => {
    expect(parseLevelNumber('3.5亿元投资已到位')).toBeNull();
    expect(parseLevelNumber('2023年完成投资')).toBeNull();
    expect(parseLevelNumber('一是提高认识')).toBeNull();
    expect(parseLevelNumber('十十、重复')).toBeNull();
    expect(parseLevelNumber('0.起点')).toBeNull();
    expect(parseLevelNumber('')).toBeNull();
  });

  it('names the levels with the UI vocabulary', () => {
    expect(LEVEL_LABELS).toEqual({ 0: '正文', 1: '一级标题', 2: '二级标题', 3: '三级标题', 4: '四级标题' });
  });
});

describe('renumber', () => {
  it('counts each level since the last higher one and resets deeper counters', () => {
    expect(sequenceNumbers([1, 2, 2, 0, 3, 3, 4, 2, 3, 1, 3, 2])).toEqual([1, 1, 2, null, 1, 2, 1, 3, 1, 2, 1, 1]);
  });

  it('replaces wrong numbers, inserts missing ones and leaves body text alone', () => {
    const texts = renumber([
      { level: 1, text: '一、总体要求' },
      { level: 0, text: '1. 正文里的编号不动。' },
      { level: 2, text: '（三）报送内容。围绕中心工作。' },
      { level: 2, text: '报送时限' },
      { level: 3, text: '1.每月5日前' },
      { level: 3, text: '7. 每季度末' },
      { level: 4, text: '(9)紧急信息' },
      { level: 1, text: '一、保障措施' },
      { level: 2, text: '1.加强领导' },
    ]);
    expect(texts).toEqual([
      '一、总体要求',
      '1. 正文里的编号不动。',
      '（一）报送内容。围绕中心工作。',
      '（二）报送时限',
      '1.每月5日前',
      '2. 每季度末',
      '（1）紧急信息',
      '二、保障措施',
      '（一）加强领导',
    ]);
  });

  it('edits only the number, keeping the spaces after a same-level number', () => {
    expect(numberPrefixEdit('7. 每季度末', 3, 2)).toEqual({ deleteCount: 2, insert: '2.' });
    expect(numberPrefixEdit('2. 每季度末', 3, 2)).toBeNull();
    // Before a digit a level-3 number would read as a decimal (1.1稳中求进): a space keeps it a number.
    expect(numberPrefixEdit('1稳中求进', 3, 1)).toEqual({ deleteCount: 0, insert: '1. ' });
    expect(numberPrefixEdit('（一）5G基站', 3, 2)).toEqual({ deleteCount: 3, insert: '2. ' });
    expect(numberPrefixEdit('稳中求进', 3, 1)).toEqual({ deleteCount: 0, insert: '1.' });
    expect(numberPrefixEdit('1. 加强领导', 2, 1)).toEqual({ deleteCount: 3, insert: '（一）' });
    expect(numberPrefixEdit('（一） 加强领导', 0, 0)).toEqual({ deleteCount: 4, insert: '' });
    expect(numberPrefixEdit('加强领导', 0, 0)).toBeNull();
  });
});

describe('splitRunIn', () => {
  it('splits a run-in heading at its first sentence end', () => {
    expect(splitRunIn('（一）报送内容。围绕全区中心工作，及时报送信息。')).toEqual({
      heading: '（一）报送内容。',
      body: '围绕全区中心工作，及时报送信息。',
    });
    expect(splitRunIn('1.坚持“三个第一。”要把握好。')).toEqual({ heading: '1.坚持“三个第一。”', body: '要把握好。' });
    expect(splitRunIn('（2）为何重要？因为……')).toEqual({ heading: '（2）为何重要？', body: '因为……' });
  });

  it('keeps the whole text as heading without a terminator or without text after it', () => {
    expect(splitRunIn('（一）报送内容')).toEqual({ heading: '（一）报送内容', body: '' });
    expect(splitRunIn('（一）报送内容。')).toEqual({ heading: '（一）报送内容。', body: '' });
    expect(splitRunIn('（一）报送内容。 ')).toEqual({ heading: '（一）报送内容。 ', body: '' });
  });
});
