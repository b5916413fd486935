import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('repeated characters and words', () => {
  it('flags 的的, 了了 and a repeated word, deleting the copy', () => {
    expect(findings('形成高质量的的调研报告。', 'repeat')).toMatchObject([{ rule: 'repeat.char', text: '的', suggestions: [''] }]);
    expect(flagged('完成了了任务。', 'repeat')).toEqual(['了']);
    expect(findings('进一步进一步深化作风整顿。', 'repeat')).toMatchObject([{ rule: 'repeat.word', text: '进一步', severity: 'error' }]);
    expect(findings('推动推动工作。', 'repeat')).toMatchObject([{ rule: 'repeat.word', severity: 'warning' }]);
  });

  it('accepts idioms and words that double legitimately', () => {
    for (const text of [
      '实现目的的手段。', '的的确确如此。', '不了了之。', '为了了解情况。', '是是非非。', '实实在在。', '现在在做。',
      '常常天天人人处处。', '一步一步推进。', '一个项目一个项目地推进。', '参与与否。', '合并并不容易。', '把把关。',
    ]) {
      expect(flagged(text, 'repeat'), text).toEqual([]);
    }
  });
});
