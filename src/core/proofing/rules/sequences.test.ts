import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('一是 二是 三是', () => {
  it('flags a gap, a repeat and a 二是 without 一是, within and across paragraphs', () => {
    expect(findings('一是抓学习。三是抓作风。', 'sequence.shi')).toMatchObject([{ text: '三是', severity: 'error' }]);
    expect(findings('一是抓学习。\n二是抓制度。\n二是抓作风。', 'sequence.shi')).toMatchObject([{ text: '二是', suggestions: ['三是'] }]);
    expect(findings('二是抓制度。', 'sequence.shi')).toMatchObject([{ severity: 'warning' }]);
  });

  it('notices a 二是 run into the previous sentence', () => {
    expect(findings('一是高效办会，确保精简高效二是周密组织。', 'sequence.shi')).toMatchObject([{ text: '效', severity: 'warning' }]);
  });

  it('accepts complete sequences, restarts after headings, and words that contain 一是', () => {
    for (const text of [
      '一是领导包联到项目。\n二是专班服务到一线。\n三是督导考核到末端。',
      '一、抓学习\n一是学理论。二是学业务。\n二、抓制度\n一是建制度。二是抓执行。',
      '坚持一是一、二是二的作风。', '统一是前提。', '唯一是从的做法。', '第二是指后一项。',
    ]) {
      expect(flagged(text, 'sequence.shi'), text).toEqual([]);
    }
  });
});

describe('structure numbers', () => {
  it('flags gaps, repeats and wrong order at one level, with the right number', () => {
    expect(findings('一、甲\n二、乙\n四、丁', 'sequence.number')).toMatchObject([{ text: '四、', severity: 'error', suggestions: ['三、'] }]);
    expect(findings('（一）甲\n（一）乙', 'sequence.number')).toMatchObject([{ text: '（一）', suggestions: ['（二）'] }]);
    expect(findings('1.甲\n3.丙\n2.乙', 'sequence.number').map((f) => f.suggestions)).toEqual([['2.'], ['4.']]);
  });

  it('restarts deeper levels under each higher one and ignores decimals and attachment lines', () => {
    const text = ['一、甲', '（一）子', '1.孙', '2.孙', '（二）子', '1.孙', '二、乙', '投资3.5亿元。', '附件：1.细则', '2.名单'].join('\n');
    expect(flagged(text, 'sequence')).toEqual([]);
  });

  it('flags the forms an official document does not use', () => {
    expect(findings('1、经验类信息。', 'sequence.style')).toMatchObject([{ text: '、', suggestions: ['.'] }]);
    expect(findings('（一）、报送内容', 'sequence.style')).toMatchObject([{ text: '、', suggestions: [''] }]);
    expect(findings('1．经验类信息', 'sequence.style')).toMatchObject([{ severity: 'warning', suggestions: ['.'] }]);
  });
});
