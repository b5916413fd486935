import { describe, expect, it } from 'vitest';
import { docNumberInLine, formatDocNumber, isStandardDocNumber, parseDocNumber, writtenDocNumbers } from './docNumber';

describe('发文字号', () => {
  it('accepts only the standard form as standard', () => {
    expect(isStandardDocNumber(' 沂新办发〔2023〕12号 ')).toBe(true);
    expect(isStandardDocNumber('沂新办发〔2023〕012号')).toBe(false);
    expect(isStandardDocNumber('沂新办发〔2023〕第12号')).toBe(false);
    expect(isStandardDocNumber('〔2023〕12号')).toBe(false);
  });

  it('parses the standard brackets, a leading zero as the same number, and formats back', () => {
    expect(parseDocNumber('沂新办发〔2023〕012号')).toEqual({ prefix: '沂新办发', year: 2023, seq: 12 });
    expect(parseDocNumber('沂新办发[2023]12号')).toBeNull();
    expect(formatDocNumber({ prefix: '沂新办发', year: 2023, seq: 12 })).toBe('沂新办发〔2023〕12号');
  });

  it('finds a standard number in a line, and numbers however written in running text', () => {
    expect(docNumberInLine('沂新办发〔2023〕12号  签发人：张三')).toBe('沂新办发〔2023〕12号');
    expect(docNumberInLine('没有文号')).toBeNull();
    expect(writtenDocNumbers('见沂新办发[2023] 第05号文')).toEqual([
      { index: 0, whole: '见沂新办发[2023] 第05号', prefix: '见沂新办发', open: '[', year: '2023', close: ']', ordinal: '第', serial: '05' },
    ]);
  });
});
