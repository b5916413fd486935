import { describe, expect, it } from 'vitest';
import { appendNew, checkLeaders, checkPhrasing, checkSensitive, checkTypos, leaderRows, phrasingRows, splitTitles, typoRows } from './proofingDrafts';

describe('审校词表 drafts', () => {
  it('turns phrasing rows back into entries, dropping blank rows and keeping notes', () => {
    const rows = phrasingRows([{ wrong: '截止目前', right: '截至目前', severity: 'error', note: '“截至”后接时间点' }, { wrong: '布署', right: '部署' }]);
    rows.push({ key: 'x', wrong: ' ', right: '', severity: 'warning', note: '' });
    expect(checkPhrasing(rows)).toEqual({ ok: true, entries: [
      { wrong: '截止目前', right: '截至目前', severity: 'error', note: '“截至”后接时间点' },
      { wrong: '布署', right: '部署', severity: 'warning' },
    ] });
  });

  it('says which phrasing row is wrong', () => {
    const row = (wrong: string, right: string) => ({ key: wrong, wrong, right, severity: 'warning' as const, note: '' });
    expect(checkPhrasing([row('布署', '')])).toEqual({ ok: false, message: '第 1 行：请填写规范表述' });
    expect(checkPhrasing([row('', '部署')])).toEqual({ ok: false, message: '第 1 行：请填写不规范表述' });
    expect(checkPhrasing([row('布署', '布署')])).toEqual({ ok: false, message: '第 1 行：不规范表述与规范表述相同' });
    expect(checkPhrasing([row('布署', '部署'), row('按排', '安排'), row('布署 ', '部署')]))
      .toEqual({ ok: false, message: '第 3 行：“布署”与第 1 行重复' });
  });

  it('reads sensitive words one per line and keeps what an existing word had', () => {
    expect(checkSensitive('内部资料\n\n  绝密 \n', [{ word: '绝密', severity: 'error', note: '涉密' }]))
      .toEqual({ ok: true, entries: [{ word: '内部资料' }, { word: '绝密', severity: 'error', note: '涉密' }] });
    expect(checkSensitive('绝密\n内部资料\n绝密', [])).toEqual({ ok: false, message: '第 3 行：“绝密”与第 1 行重复' });
  });

  it('reads leaders sorted by rank with titles split on 顿号, and checks the rank', () => {
    const rows = leaderRows([{ name: '李文华', titles: ['管委会主任', '主任'], rank: 2 }, { name: '张建国', titles: ['书记'], rank: 1 }]);
    expect(rows.map((r) => [r.name, r.titles])).toEqual([['张建国', '书记'], ['李文华', '管委会主任、主任']]);
    expect(splitTitles('党工委书记， 书记；')).toEqual(['党工委书记', '书记']);
    expect(checkLeaders(rows)).toEqual({ ok: true, entries: [
      { name: '张建国', titles: ['书记'], rank: 1 }, { name: '李文华', titles: ['管委会主任', '主任'], rank: 2 },
    ] });
    expect(checkLeaders([{ ...rows[0], rank: '0' }])).toEqual({ ok: false, message: '第 1 行：排位应为 1 到 10000 之间的整数' });
    expect(checkLeaders([{ ...rows[0], titles: '' }])).toEqual({ ok: false, message: '第 1 行：请至少填写一个职务' });
  });
});

describe('the 错别字 draft and imports', () => {
  it('turns 错别字 rows into entries, an empty 正确写法 being an exception, and says which row is wrong', () => {
    const rows = typoRows([{ wrong: '沂河心区', right: '沂河新区' }, { wrong: '周未村', right: '', severity: 'warning' }]);
    expect(rows.map((r) => r.severity)).toEqual(['error', 'warning']);
    expect(checkTypos(rows)).toEqual({ ok: true, entries: [
      { wrong: '沂河心区', right: '沂河新区', severity: 'error' }, { wrong: '周未村', right: '', severity: 'warning' },
    ] });
    const row = (wrong: string, right: string) => ({ key: wrong, wrong, right, severity: 'error' as const, note: '' });
    expect(checkTypos([row('己', '已')])).toEqual({ ok: false, message: '第 1 行：错误写法至少 2 个字（单字无法判断上下文）' });
    expect(checkTypos([row('', '已经')])).toEqual({ ok: false, message: '第 1 行：请填写错误写法' });
    expect(checkTypos([row('己经', '已经'), row('己经', '已经')])).toEqual({ ok: false, message: '第 2 行：“己经”与第 1 行重复' });
  });

  it('adds only the imported rows the draft does not hold yet', () => {
    expect(appendNew(['内部资料', '绝密'], ['绝密', '机密'], (w) => w)).toEqual({ rows: ['内部资料', '绝密', '机密'], added: 1, present: 1 });
  });
});
