import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('以……为 and 像……一样', () => {
  it('flags 已 opening a 以……为 frame and 象 opening a comparison', () => {
    expect(findings('要坚持已人民为中心的发展思想。', 'typo.frame')).toMatchObject([{ text: '已', suggestions: ['以'] }]);
    expect(findings('坚持已问题为导向。', 'typo.frame')).toMatchObject([{ text: '已', suggestions: ['以'] }]);
    expect(findings('要象抓经济工作一样抓党建工作。', 'typo.frame')).toMatchObject([{ text: '象', suggestions: ['像'] }]);
  });

  it('flags 已 before the means 以 introduces (以实际行动, 以高度的责任感) and 既 in 即……即……', () => {
    for (const text of ['各单位要已实际行动践行初心使命。', '要已高度的政治责任感做好各项工作。', '要已昂扬的斗志投入工作。', '要已钉钉子精神抓落实。']) {
      expect(findings(text, 'typo.frame'), text).toMatchObject([{ text: '已', suggestions: ['以'] }]);
    }
    for (const text of ['要坚持既知即改，不等不靠。', '坚持既接即办。', '做到既查即改。']) {
      expect(findings(text, 'typo.frame'), text).toMatchObject([{ text: '既', suggestions: ['即'] }]);
    }
  });

  it('leaves 已 after a 以 that opens the frame, 已 before a verb, and 既……又……', () => {
    for (const text of [
      '以已有的成果为基础，继续推进。', '以已经建成的项目为依托。', '项目已实际开工。', '群众已高度认可。', '已高度重视此事。',
      '既要即时受理，又要限时办结。', '既是即兴发言，也要准备。', '要以实际行动践行初心。',
    ]) {
      expect(flagged(text, 'typo.frame'), text).toEqual([]);
    }
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
