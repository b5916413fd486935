import { describe, expect, it } from 'vitest';
import { markTerms, matchSentence, searchTerms } from './searchSnippet';

const marked = (m: { text: string; marks: Array<[number, number]> } | null): string | null =>
  m && m.marks.reduceRight((text, [a, b]) => `${text.slice(0, a)}[${text.slice(a, b)}]${text.slice(b)}`, m.text);

describe('searchTerms', () => {
  it('splits at ASCII and full-width spaces, once each, at most five', () => {
    expect(searchTerms(' 招商　引资 招商 ')).toEqual(['招商', '引资']);
    expect(searchTerms('a b c d e f g')).toHaveLength(5);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('matchSentence', () => {
  it('shows the sentence that holds the word, with the word marked', () => {
    const body = '一、总体情况\n今年以来，我区持续优化营商环境。全年新签约招商引资项目42个，其中招商项目总额超百亿元！下一步工作';
    expect(marked(matchSentence(body, ['招商']))).toBe('全年新签约[招商]引资项目42个，其中[招商]项目总额超百亿元！');
  });

  it('finds the first sentence at the start and the end of the body', () => {
    expect(marked(matchSentence('招商工作', ['招商']))).toBe('[招商]工作');
    expect(marked(matchSentence('第一句。最后是招商', ['招商']))).toBe('最后是[招商]');
  });

  it('cuts a long sentence to a window around the match', () => {
    const body = `${'甲'.repeat(200)}招商${'乙'.repeat(200)}。`;
    const m = matchSentence(body, ['招商'], 60);
    expect(m?.text.startsWith('…')).toBe(true);
    expect(m?.text.endsWith('…')).toBe(true);
    expect(m?.text.length).toBe(62);
    expect(marked(m)).toContain('甲[招商]乙');
  });

  it('matches Latin letters without regard to case, and nothing when absent', () => {
    expect(marked(matchSentence('推进 5G 基站建设。', ['5g']))).toBe('推进 [5G] 基站建设。');
    expect(matchSentence('无关内容', ['招商'])).toBeNull();
  });

  it('merges overlapping marks of several terms', () => {
    expect(markTerms('招商引资', ['招商', '商引']).marks).toEqual([[0, 3]]);
  });
});
