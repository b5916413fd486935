import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('的 → 地 after an adverbial, before a verb in a predicate', () => {
  it('flags 的 between an adverbial and the verb it modifies', () => {
    for (const text of [
      '各单位要认真的学习党的二十大精神。', '必须切实的抓好落实。', '大力的推进项目建设。', '积极的参与了志愿服务。',
      '要扎扎实实的做好各项工作。', '要积极主动的向上级汇报。', '稳步的推进改革。',
      '各单位要严于律己，认真的学习有关文件。', '认真的学习党章党规。',
    ]) {
      expect(findings(text, 'typo.de'), text).toMatchObject([{ text: '的', suggestions: ['地'], severity: 'warning' }]);
    }
  });

  it('leaves 的 before a noun, and a verb read as a noun', () => {
    for (const text of [
      '认真的态度。', '发挥积极的作用。', '开展认真的学习。', '保持认真的学习态度。', '在积极的参与中成长。', '给予大力的支持。',
      '进行深入的研究和思考。', '形成高质量的调研报告。', '积极的财政政策。', '很认真的学习者。', '要认真地学习。', '这是扎实的工作。',
      '认真的学习是提高能力的关键。', '认真的学习和思考，', '认真的学习。',
    ]) {
      expect(flagged(text, 'typo.de'), text).toEqual([]);
    }
  });
});

describe('的 → 得 before a complement of degree', () => {
  it('flags 的 between a verb and its complement at the end of the clause', () => {
    for (const text of ['这项工作做的很好。', '整改落实的不到位，', '活动开展的有声有色。', '准备的非常充分。', '工作干的越来越好。']) {
      expect(findings(text, 'typo.de'), text).toMatchObject([{ text: '的', suggestions: ['得'] }]);
    }
  });

  it('leaves noun phrases and quantities alone', () => {
    for (const text of [
      '这项工作做得很好。', '我们所做的很好。', '大学的很多老师。', '我们做的很多工作。', '做的工作很好。', '开展的活动很多。',
      '落实的情况很好。', '科学的很好。',
    ]) {
      expect(flagged(text, 'typo.de'), text).toEqual([]);
    }
  });
});

describe('地 or 得 → 的 after an adjective, before a noun', () => {
  it('flags 地 or 得 between an attributive adjective and the noun it modifies', () => {
    for (const [text, wrong] of [
      ['共同建设美丽地家园。', '地'], ['创造良好地营商环境。', '地'], ['群众过上了幸福地日子。', '地'], ['取得了优异地成绩。', '地'],
      ['营造和谐地氛围。', '地'], ['描绘美好得未来。', '得'],
    ]) {
      expect(findings(text, 'typo.de'), text).toMatchObject([{ text: wrong, suggestions: ['的'], severity: 'warning' }]);
    }
  });

  it('leaves 地 as a noun or word end, and 地/得 before a verb or complement', () => {
    for (const text of [
      '美丽的家园。', '幸福地生活着。', '重要地位。', '美丽地区。', '良好地形。', '这是宝贵地质资源。', '当地环境。', '各地成果。',
      '建设美丽乡村基地家园。', '美好得像一幅画。', '幸福地工作和学习。', '重要地方。', '和谐地相处。', '良好地发挥作用。',
    ]) {
      expect(flagged(text, 'typo.de'), text).toEqual([]);
    }
  });
});
