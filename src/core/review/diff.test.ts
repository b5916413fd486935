import { describe, expect, it } from 'vitest';
import { diffParagraphs } from './diff';

describe('diffParagraphs', () => {
  it('marks kept, added and removed paragraphs', () => {
    expect(diffParagraphs(['一、总体要求', '旧段落', '结尾'], ['一、总体要求', '结尾', '新段落'])).toEqual([
      { type: 'equal', text: '一、总体要求' },
      { type: 'delete', text: '旧段落' },
      { type: 'equal', text: '结尾' },
      { type: 'insert', text: '新段落' },
    ]);
  });

  it('shows a paragraph edited in place at character level', () => {
    const [line] = diffParagraphs(['每月调度三次。'], ['每月至少调度一次。']);
    expect(line.type).toBe('change');
    if (line.type !== 'change') return;
    expect(line.parts.filter((p) => p.type === 'insert').map((p) => p.text).join('')).toBe('至少一');
    expect(line.parts.filter((p) => p.type === 'delete').map((p) => p.text).join('')).toBe('三');
    expect(line.parts.filter((p) => p.type !== 'insert').map((p) => p.text).join('')).toBe('每月调度三次。');
  });

  it('finds nothing to mark between equal texts', () => {
    expect(diffParagraphs(['甲', '乙'], ['甲', '乙']).every((l) => l.type === 'equal')).toBe(true);
  });
});
