import { describe, expect, it } from 'vitest';
import { DEFAULT_PHRASING } from '../defaultPhrasing';
import { Proofreader } from '../proofreader';
import { findings, flagged } from '../testing';
import type { ProofingData } from '../types';

const data: ProofingData = {
  phrasing: DEFAULT_PHRASING,
  sensitive: [{ word: '内部资料', note: '非涉密系统' }, { word: '绝密', severity: 'error' }],
  leaders: [],
};

describe('规范表述', () => {
  it('flags non-standard phrasing with the standard form', () => {
    expect(findings('截止目前，完成投资。', 'phrasing', data)).toMatchObject([{ text: '截止目前', suggestions: ['截至目前'], severity: 'error' }]);
    expect(findings('要再接再励。', 'phrasing', data)).toMatchObject([{ suggestions: ['再接再厉'] }]);
    expect(findings('区党工委管委会领导。', 'phrasing', data)).toMatchObject([{ severity: 'warning', suggestions: ['党工委、管委会'] }]);
    expect(flagged('学习贯彻二十大精神。', 'phrasing', data)).toEqual(['二十大精神']);
  });

  it('does not flag the standard form, even where it contains the wrong one', () => {
    for (const text of ['截至目前，完成投资。', '学习贯彻党的二十大精神。', '区党工委、管委会领导。', '截止日期为9月10日。', '其他工作。']) {
      expect(flagged(text, 'phrasing', data), text).toEqual([]);
    }
  });
});

describe('sensitive words', () => {
  it('flags listed words with their severity and note, nothing else', () => {
    expect(findings('此件为内部资料。', 'sensitive', data)).toMatchObject([{ severity: 'warning' }]);
    expect(findings('标注绝密。', 'sensitive', data)).toMatchObject([{ severity: 'error' }]);
    expect(flagged('内部管理资料。', 'sensitive', data)).toEqual([]);
    expect(flagged('此件为内部资料。', 'sensitive')).toEqual([]);
  });
});

describe('政策性表述 in the shipped dictionary', () => {
  it('flags misnamed theory and bare formulations, with the note as the reason', () => {
    expect(findings('学习习近平新时代中国特色社会主义理论。', 'phrasing', data)).toMatchObject([
      { severity: 'error', suggestions: ['习近平新时代中国特色社会主义思想'] },
    ]);
    expect(findings('增强四个意识。', 'phrasing', data)).toMatchObject([{ severity: 'warning', suggestions: ['“四个意识”'] }]);
    expect(findings('十八大以来，成就显著。', 'phrasing', data)).toMatchObject([{ suggestions: ['党的十八大以来'] }]);
    expect(new Proofreader(data).checkText('做好新冠肺炎防控。', { titleFirst: false })[0].message).toContain('新型冠状病毒感染');
  });

  it('leaves the standard forms and look-alikes alone', () => {
    for (const text of [
      '增强“四个意识”、坚定“四个自信”、做到“两个维护”。', '党的十八大以来。', '中共十九届五中全会。', '深入学习贯彻习近平新时代中国特色社会主义思想。',
      '三个代表团参加会议。', '农业部门和文化部门。', '全面建设社会主义现代化国家。', '全面建成社会主义现代化强国。',
    ]) {
      expect(flagged(text, 'phrasing', data), text).toEqual([]);
    }
  });

  it('flags meetings, leaders’ titles and formulations a 党政办 checks, each with its standard form', () => {
    for (const [text, right] of [
      ['学习贯彻十九届四中全会精神。', '党的十九届四中全会'], ['贯彻二十大三中全会精神。', '党的二十届三中全会'],
      ['十八大精神。', '党的十八大精神'], ['共建一带一路。', '“一带一路”'], ['推进“一带一路”战略。', '“一带一路”倡议'],
      ['坚持两个结合。', '“两个结合”'], ['牢记三个务必。', '“三个务必”'], ['统筹两个大局。', '“两个大局”'],
      ['在以习近平总书记为核心的党中央坚强领导下。', '以习近平同志为核心的党中央'],
      ['确立习近平总书记党中央的核心、全党的核心地位。', '确立习近平同志党中央的核心'],
      ['坚决维护习近平同志党中央的核心、全党的核心地位。', '维护习近平总书记党中央的核心'],
      ['坚决维护党中央权威和统一领导。', '党中央权威和集中统一领导'],
      ['发展全过程民主。', '全过程人民民主'], ['推进中国式的现代化。', '中国式现代化'],
      ['深入学习习近平生态思想。', '习近平生态文明思想'], ['国家主席、中共中央总书记、中央军委主席。', '中共中央总书记、国家主席'],
    ]) {
      expect(findings(text, 'phrasing', data), text).toMatchObject([{ suggestions: [right] }]);
    }
  });

  it('leaves the full forms of those alone', () => {
    for (const text of [
      '学习贯彻党的十九届四中全会精神。', '中共二十届三中全会。', '共建“一带一路”倡议。', '坚持“两个结合”，牢记“三个务必”。',
      '在以习近平同志为核心的党中央坚强领导下。', '深刻领悟“两个确立”的决定性意义，坚决做到“两个维护”。',
      '确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位。',
      '坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。',
      '发展全过程人民民主，以中国式现代化全面推进中华民族伟大复兴。', '中共中央总书记、国家主席、中央军委主席习近平。',
      '深入学习习近平生态文明思想和习近平法治思想。',
    ]) {
      expect(flagged(text, 'phrasing', data), text).toEqual([]);
    }
  });

  it('gives every shipped entry a note', () => {
    expect(DEFAULT_PHRASING.filter((e) => !e.note)).toEqual([]);
  });
});
