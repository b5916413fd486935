import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('dates', () => {
  it('flags zero padding, impossible dates and dashed dates, with the official form', () => {
    expect(findings('于2023年09月10日印发。', 'number.date')).toMatchObject([{ text: '2023年09月10日', severity: 'error', suggestions: ['2023年9月10日'] }]);
    expect(findings('于2023年2月30日印发。', 'number.date')).toMatchObject([{ severity: 'error', suggestions: [] }]);
    expect(findings('发布日期：2023-09-10。', 'number.date')).toMatchObject([{ severity: 'warning', suggestions: ['2023年9月10日'] }]);
    expect(findings('二〇二三年九月十日', 'number.date')).toMatchObject([{ severity: 'warning', suggestions: ['2023年9月10日'] }]);
  });

  it('accepts official dates, 2月29日 in a leap year, and numbers that only look like dates', () => {
    for (const text of ['2023年9月10日', '2024年2月29日召开。', '版本1.2.3发布。', '电话0539-0000000。', '今年9月份以来。']) {
      expect(flagged(text, 'number.date'), text).toEqual([]);
    }
  });
});

describe('ranges, percentages and mixed numerals', () => {
  it('flags a hyphen or 一 for the dash, a bare percent range, and mixed numerals', () => {
    expect(findings('1-8月份完成投资。', 'number.range')).toMatchObject([{ text: '-', suggestions: ['—'] }]);
    expect(findings('2022~2023年度。', 'number.range')).toMatchObject([{ text: '~', suggestions: ['～'] }]);
    expect(findings('1一8月份完成投资。', 'number.range')).toMatchObject([{ text: '一', suggestions: ['—'] }]);
    expect(findings('提速10—20%。', 'number.percent')).toMatchObject([{ severity: 'hint', suggestions: ['10%—20%'] }]);
    expect(flagged('达到九十%。', 'number.percent')).toEqual(['九十%']);
    expect(findings('二0二三年工作。', 'number.mixed')).toMatchObject([{ text: '二0二三', severity: 'error', suggestions: ['2023'] }]);
    expect(flagged('约3千人参加。', 'number.mixed')).toEqual(['3千']);
  });

  it('accepts the office’s own forms and standard numbers', () => {
    for (const text of [
      '1—8月份，全区完成投资126.5亿元，占78.3%。', '每人包联2—3个重点项目。', '依据GB/T 15835-2011执行。',
      '电话0539-0000000）', '提速10%～20%。', '约3万人参加。', '全长5千米。', '2023年工作。', 'G20一体化。',
    ]) {
      expect([...flagged(text, 'number.range'), ...flagged(text, 'number.percent'), ...flagged(text, 'number.mixed')], text).toEqual([]);
    }
  });
});
