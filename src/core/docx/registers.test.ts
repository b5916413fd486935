import { describe, expect, it } from 'vitest';
import { nextDocNumber, nextIssue, sameDocNumber, yearOf } from './registers';

describe('registers', () => {
  it('proposes the next 发文字号 of the same issuer and year', () => {
    const used = ['沂新办发〔2023〕12号', '沂新办发〔2023〕3号', '沂新办发〔2022〕40号', '沂新办字〔2023〕20号'];
    expect(nextDocNumber(used, '沂新办发', 2023)).toBe('沂新办发〔2023〕13号');
    expect(nextDocNumber(used, '沂新办发', 2024)).toBe('沂新办发〔2024〕1号');
  });

  it('proposes the next 期号', () => {
    expect(nextIssue(['第45期', '第7期', '增刊'])).toBe('第46期');
    expect(nextIssue([])).toBe('第1期');
  });

  it('treats a leading zero as the same number, and reads years from dates', () => {
    expect(sameDocNumber('沂新办发〔2023〕012号', '沂新办发〔2023〕12号')).toBe(true);
    expect(sameDocNumber('沂新办发〔2023〕12号', '沂新办字〔2023〕12号')).toBe(false);
    expect(yearOf('2023年9月18日', 2026)).toBe(2023);
    expect(yearOf(undefined, 2026)).toBe(2026);
  });
});
