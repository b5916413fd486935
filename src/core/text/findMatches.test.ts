import { describe, expect, it } from 'vitest';
import { findMatches, matchAtOrAfter } from './findMatches';

describe('findMatches', () => {
  it('finds a Chinese term in every paragraph, with offsets in each paragraph', () => {
    const paragraphs = ['一、招商引资工作', '全年招商引资到位资金，招商引资项目38个。', '其他工作。'];
    expect(findMatches(paragraphs, '招商引资')).toEqual([
      { paragraph: 0, start: 2, end: 6 },
      { paragraph: 1, start: 2, end: 6 },
      { paragraph: 1, start: 11, end: 15 },
    ]);
  });

  it('matches full-width punctuation as typed, never its half-width look-alike', () => {
    const paragraphs = ['一是抓项目，二是抓服务, 三是抓落实。', '“四个一”工作机制、"双招双引"'];
    expect(findMatches(paragraphs, '，')).toEqual([{ paragraph: 0, start: 5, end: 6 }]);
    expect(findMatches(paragraphs, ',')).toEqual([{ paragraph: 0, start: 11, end: 12 }]);
    expect(findMatches(paragraphs, '“')).toEqual([{ paragraph: 1, start: 0, end: 1 }]);
    expect(findMatches(paragraphs, '"')).toHaveLength(2);
    expect(findMatches(paragraphs, '。')).toHaveLength(1);
  });

  it('treats paragraph structure numbers as ordinary text', () => {
    expect(findMatches(['一、总体情况', '（一）主要做法', '1.加强领导'], '（一）')).toEqual([{ paragraph: 1, start: 0, end: 3 }]);
    expect(findMatches(['一、总体情况', '二、一、的用法'], '一、')).toEqual([
      { paragraph: 0, start: 0, end: 2 },
      { paragraph: 1, start: 2, end: 4 },
    ]);
  });

  it('matches ASCII letters in either case, and nothing else loosely', () => {
    const paragraphs = ['全区GDP增长6.5%，gdp总量……', 'ＧＤＰ（全角）'];
    expect(findMatches(paragraphs, 'gdp')).toEqual([
      { paragraph: 0, start: 2, end: 5 },
      { paragraph: 0, start: 12, end: 15 },
    ]);
    expect(findMatches(paragraphs, 'GDP')).toHaveLength(2);
    expect(findMatches(paragraphs, 'ＧＤＰ')).toEqual([{ paragraph: 1, start: 0, end: 3 }]);
    expect(findMatches(paragraphs, 'ｇｄｐ')).toEqual([]);
  });

  it('keeps offsets exact around characters whose lower case is longer', () => {
    expect(findMatches(['İstanbul İzmir'], 'izmir')).toEqual([]);
    expect(findMatches(['İstanbul Izmir'], 'izmir')).toEqual([{ paragraph: 0, start: 9, end: 14 }]);
  });

  it('never spans two paragraphs', () => {
    expect(findMatches(['招商', '引资'], '招商引资')).toEqual([]);
  });

  it('finds non-overlapping matches left to right', () => {
    expect(findMatches(['哈哈哈'], '哈哈')).toEqual([{ paragraph: 0, start: 0, end: 2 }]);
    expect(findMatches(['哈哈哈哈'], '哈哈')).toHaveLength(2);
  });

  it('finds nothing for an empty query or in empty paragraphs', () => {
    expect(findMatches(['招商引资'], '')).toEqual([]);
    expect(findMatches(['', ''], '招')).toEqual([]);
    expect(findMatches([], '招')).toEqual([]);
  });

  it('counts characters outside the BMP as two code units, as the DOM does', () => {
    expect(findMatches(['𠀀招商'], '招商')).toEqual([{ paragraph: 0, start: 2, end: 4 }]);
  });
});

describe('matchAtOrAfter', () => {
  const matches = findMatches(['招商引资，招商引资', '无', '招商引资'], '招商引资');

  it('keeps a match that starts at the offset', () => {
    expect(matchAtOrAfter(matches, 0, 5)).toBe(1);
  });

  it('moves on to the next match, across paragraphs', () => {
    expect(matchAtOrAfter(matches, 0, 6)).toBe(2);
    expect(matchAtOrAfter(matches, 1, 0)).toBe(2);
  });

  it('wraps round after the last match', () => {
    expect(matchAtOrAfter(matches, 2, 1)).toBe(0);
  });

  it('is -1 without matches', () => {
    expect(matchAtOrAfter([], 0, 0)).toBe(-1);
  });
});
