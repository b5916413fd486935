import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('以……为 and 像……一样', () => {
  it('flags 已 opening a 以……为 frame and 象 opening a comparison', () => {
    expect(findings('要坚持已人民为中心的发展思想。', 'typo.frame')).toMatchObject([{ text: '已', suggestions: ['以'] }]);
    expect(findings('坚持已问题为导向。', 'typo.frame')).toMatchObject([{ text: '已', suggestions: ['以'] }]);
    expect(findings('要象抓经济工作一样抓党建工作。', 'typo.frame')).toMatchObject([{ text: '象', suggestions: ['像'] }]);
  });

  it('leaves 已 before a verb with 为, a frame with its own 以, and 象 in its words', () => {
    for (const text of [
      '该项目已列为全区重点项目。', '相关企业已确定为示范单位。', '已形成以港口为中心的格局。', '已作为重点工作推进。',
      '要以人民为中心。', '形象一样重要。', '和现象一样。', '要像抓经济工作一样抓党建工作。',
    ]) {
      expect(flagged(text, 'typo.frame'), text).toEqual([]);
    }
  });
});
