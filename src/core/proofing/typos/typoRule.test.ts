import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';
import type { ProofingData } from '../types';

/** Each confusion set: texts with the typo (what is flagged, its fix) and near-misses that are right. */
const SETS: Record<string, { wrong: Array<[string, string, string]>; right: string[] }> = {
  '己/已/巳': {
    wrong: [['党员干部要严于律已。', '严于律已', '严于律己'], ['此项工作己经完成。', '己经', '已经'], ['要把自已摆进去。', '自已', '自己'],
      ['问题早巳解决。', '早巳', '早已'], ['仅此而己。', '而己', '而已']],
    right: ['要严于律己，做到自己先行。', '此项工作已经完成。', '来自已经建成的项目。', '激动得不能自已。', '知己知彼。',
      '不得据为己有。', '各自已有分工。', '自己经常下基层。'],
  },
  '末/未': {
    wrong: [['要著眼末来谋划发展。', '末来', '未来'], ['项目尚末开工。', '尚末', '尚未'], ['从末出现漏报。', '从末', '从未'],
      ['周未安排值班。', '周未', '周末']],
    right: ['要著眼未来谋划发展。', '周末来临前完成。', '排在末尾。', '年末来看。', '本周未召开例会。', '第3周未完成。',
      '期末考试。', '一周未见。', '末端治理。'],
  },
  '住/往': {
    wrong: [['一如既住地支持。', '一如既住', '一如既往'], ['群众住往反映。', '住往', '往往'], ['前住项目现场。', '前住', '前往']],
    right: ['一如既往地支持。', '群众往往反映。', '改善居住条件。', '前往项目现场。', '住房保障。', '抓住机遇。'],
  },
  '侯/候': {
    wrong: [['到那时侯再说。', '时侯', '时候'], ['在门口等侯。', '等侯', '等候'], ['全天侯值守。', '全天侯', '全天候']],
    right: ['到那时候再说。', '在门口等候。', '气候变化。', '王侯将相。'],
  },
  '即/既': {
    wrong: [['既使困难再大。', '既使', '即使'], ['即然定了目标。', '即然', '既然'], ['既便是节假日也要值守。', '既便是', '即便是'],
      ['对即往问题逐一梳理。', '即往', '既往']],
    right: ['即使困难再大。', '既然定了目标。', '既往不咎。', '立即整改。', '即将开工。', '既便于群众办事，又减少跑腿。',
      '即便是节假日也要值守。', '接到通知后立即往现场赶。', '这即往往意味着风险。'],
  },
  '带/戴': {
    wrong: [['党员携戴党员证。', '携戴', '携带'], ['戴领群众致富。', '戴领', '带领']],
    right: ['党员佩戴党徽。', '带领群众致富。', '深受群众爱戴。', '戴口罩。', '一带一路。'],
  },
  '做/作': {
    wrong: [['做好本单位工做。', '工做', '工作'], ['发挥带头做用。', '做用', '作用'], ['加强协做。', '协做', '协作']],
    right: ['作为党员，要做好本职工作。', '发挥带头作用。', '当作大事来抓。', '叫做“四个一”。', '员工做好准备。', '适合做法。'],
  },
  '账/帐': {
    wrong: [['搭起账篷。', '账篷', '帐篷']],
    right: ['建立工作台账。', '搭起帐篷。', '银行账户。'],
  },
  '再/在': {
    wrong: [['现再正是关键时期。', '现再', '现在'], ['在次强调。', '在次', '再次'], ['问题的关键就存再于此。', '存再', '存在']],
    right: ['现在正是关键时期。', '再次强调。', '实现再就业。', '统一在党的领导下。', '存在问题。', '在次日上午。', '发现再生资源。'],
  },
  '以/已': {
    wrong: [['可已申请补助。', '可已', '可以'], ['工作以经完成。', '以经', '已经'], ['所已要加强。', '所已', '所以']],
    right: ['可以申请补助。', '以经济建设为中心。', '所以要加强。', '已经完成。', '以往经验。', '很早以前。'],
  },
  '象/像': {
    wrong: [['树立良好形像。', '形像', '形象'], ['这是一种现像。', '现像', '现象']],
    right: ['树立良好形象。', '好像没有。', '象征意义。', '他的表现像老党员。', '想象空间。'],
  },
};

describe('错别字 by confusion set', () => {
  for (const [set, { wrong, right }] of Object.entries(SETS)) {
    it(`${set}: flags the wrong form with the correct one`, () => {
      for (const [text, word, fix] of wrong) {
        expect(findings(text, 'typo.word'), text).toMatchObject([{ text: word, suggestions: [fix] }]);
      }
    });
    it(`${set}: leaves the correct words and their neighbours alone`, () => {
      for (const text of right) expect(flagged(text, 'typo.word'), text).toEqual([]);
    });
  }
});

describe('错别字 severities', () => {
  it('reports a certain typo as an error and a likely one as a warning', () => {
    expect(findings('严于律已。', 'typo')).toMatchObject([{ severity: 'error' }]);
    expect(findings('己经。', 'typo')).toMatchObject([{ severity: 'error' }]);
    expect(findings('周未值班。', 'typo')).toMatchObject([{ severity: 'warning' }]);
  });
});

describe('the office’s 错别字 list', () => {
  const data: ProofingData = {
    phrasing: [], sensitive: [], leaders: [],
    typos: [
      { wrong: '沂河心区', right: '沂河新区', note: '本区名称' },
      { wrong: '周未', right: '周末', severity: 'error' },
      { wrong: '周未村', right: '' },
    ],
  };

  it('adds wrong forms, matched literally, with their severity and note', () => {
    expect(findings('沂河心区召开会议。', 'typo', data)).toMatchObject([
      { text: '沂河心区', severity: 'error', suggestions: ['沂河新区'] },
    ]);
    expect(findings('沂河心区召开会议。', 'typo', data)[0]).toBeDefined();
    expect(findings('周未值班。', 'typo', data)).toMatchObject([{ severity: 'error' }]);
  });

  it('keeps an exception (no correct form) silent, and the shipped forms around it', () => {
    expect(flagged('前往周未村调研。', 'typo', data)).toEqual([]);
    expect(flagged('前往周未村调研。', 'typo')).toEqual(['周未']);
  });
});

describe('己 and 巳 outside the words they occur in', () => {
  it('flags a lone 己 or 巳 as 已 (巳 in a word of 己 as 己)', () => {
    expect(findings('会议己于9月10日召开。', 'typo')).toMatchObject([{ rule: 'typo.char', text: '己', severity: 'warning', suggestions: ['已'] }]);
    expect(findings('补偿款巳全部发放到位。', 'typo')).toMatchObject([{ rule: 'typo.char', text: '巳', severity: 'error', suggestions: ['已'] }]);
    expect(findings('谋取一巳私利。', 'typo')).toMatchObject([{ text: '巳', suggestions: ['己'] }]);
  });

  it('leaves 己 and 巳 in their words', () => {
    for (const text of [
      '要严格要求自己。', '知己知彼。', '克己奉公。', '推己及人。', '不要固执己见。', '己巳年。', '巳时。', '舍己为公。',
      // The 己 years of the 60-year cycle, and common phrases of 己.
      '己丑年。', '己卯年。', '己未年。', '己酉年。', '己亥年。', '人人为己。', '修己安人。', '以己为镜。', '当作己事来办。', '正人先正己。',
    ]) {
      expect(flagged(text, 'typo'), text).toEqual([]);
    }
  });
});
