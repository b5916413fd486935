import { describe, expect, it } from 'vitest';
import { placeholderFindings } from './placeholders';

describe('template prompts left in the text', () => {
  it('finds the skeletons’ prompts and prompts of their shape, as errors at their place', () => {
    const text = '【请示缘由：背景、依据和必要性】现申请资金。';
    expect(placeholderFindings(text)).toMatchObject([{ start: 0, end: 16, rule: 'field.placeholder', severity: 'error' }]);
    expect(placeholderFindings('一、【第一项事项】')).toHaveLength(1);
    expect(placeholderFindings('【主题：自拟】')).toHaveLength(1);
  });

  it('leaves bracketed labels of real prose alone', () => {
    expect(placeholderFindings('【编者按】沂河新区今年引进项目12个。')).toEqual([]);
    expect(placeholderFindings('【经验交流】')).toEqual([]);
  });
});
