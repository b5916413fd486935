import { describe, expect, it } from 'vitest';
import { countedItems, targetProgress, yearProgress } from './counting';
import { defaultPointsTable, defaultTargets, defaultYearTargets } from './defaults';
import { deriveFacts, pieceKey } from './events';
import type { CountRule, LedgerEntry, LedgerEvent, OutletRef, SubmissionFacts, TargetDefinition } from './model';

const outlets = {
  provincialPaper: { id: 'o-dz', name: '大众日报', level: 'provincial', kind: 'media' },
  cityPaper: { id: 'o-lyrb', name: '临沂日报', level: 'city', kind: 'media' },
  cityTv: { id: 'o-lytv', name: '临沂电视台', level: 'city', kind: 'media' },
  districtWechat: { id: 'o-yh', name: '沂河新区发布', level: 'district', kind: 'media' },
  cityJournal: { id: 'o-lyzw', name: '临沂政务', level: 'city', kind: 'journal' },
  provincialJournal: { id: 'o-sdzw', name: '山东政务', level: 'provincial', kind: 'journal' },
  districtJournal: { id: 'o-yhdt', name: '沂河动态', level: 'district', kind: 'journal' },
  cityInfo: { id: 'o-sxx', name: '市政府信息', level: 'city', kind: 'channel' },
  provincialInfo: { id: 'o-shx', name: '省政府信息', level: 'provincial', kind: 'channel' },
} satisfies Record<string, OutletRef>;

let sequence = 0;
function entry(title: string, kind: string, outlet: OutletRef, events: LedgerEvent[],
  options: { documentId?: string; authors?: string[] } = {}): LedgerEntry & { facts: SubmissionFacts } {
  sequence += 1;
  return {
    id: `s${sequence}`, pieceKey: pieceKey(options.documentId ?? null, title), title, pieceKind: kind,
    authors: options.authors ?? ['张明'], outlet, facts: deriveFacts(events),
  };
}

const byKey = new Map(defaultTargets().map((t) => [t.key, t]));
function rule(key: string): CountRule {
  const found = byKey.get(key)?.rule;
  if (!found || found.type !== 'rule') throw new Error(`no rule ${key}`);
  return found;
}
function count(key: string, entries: LedgerEntry[], asOf = '2023-12-31'): number {
  return countedItems(rule(key), entries, 2023, asOf).length;
}

describe('the hard cases of issue 5', () => {
  it('counts a provincial newspaper piece toward both media targets', () => {
    const piece = entry('新区重大项目集中开工', 'media', outlets.provincialPaper,
      [{ type: 'submitted', on: '2023-03-01' }, { type: 'published', on: '2023-03-03' }]);
    expect(count('central-provincial-media', [piece])).toBe(1);
    expect(count('city-plus-media', [piece])).toBe(1);
  });

  it('counts a research report in a city journal toward journal articles, but toward awards only once rated excellent', () => {
    const events: LedgerEvent[] = [{ type: 'submitted', on: '2023-04-01' }, { type: 'published', on: '2023-05-10' }];
    const before = entry('关于职业教育的调研报告', 'research', outlets.cityJournal, events, { documentId: 'd1' });
    expect(count('journal-articles', [before])).toBe(1);
    expect(count('research-awards', [before])).toBe(0);
    const rated = entry('关于职业教育的调研报告', 'research', outlets.cityJournal,
      [...events, { type: 'rated', on: '2023-11-20', level: 'city' }], { documentId: 'd1' });
    expect(count('research-awards', [rated])).toBe(1);
    expect(countedItems(rule('research-awards'), [rated], 2023, '2023-11-19')).toHaveLength(0);
  });

  it('counts a 政务信息 report as submitted whether or not it is adopted', () => {
    const adopted = entry('新区优化营商环境的做法', 'info', outlets.cityInfo,
      [{ type: 'submitted', on: '2023-02-01' }, { type: 'adopted', on: '2023-02-05' }]);
    const notAdopted = entry('新区社区党建的经验', 'info', outlets.cityInfo,
      [{ type: 'submitted', on: '2023-02-02' }, { type: 'rejected', on: '2023-02-09' }]);
    const pending = entry('新区招商引资进展', 'info', outlets.provincialInfo, [{ type: 'submitted', on: '2023-02-03' }]);
    expect(count('info-reports', [adopted, notAdopted, pending])).toBe(3);
  });

  it('counts a district-level outlet toward none of the city-level-or-above targets', () => {
    const media = entry('沂河新区开展植树活动', 'media', outlets.districtWechat, [{ type: 'published', on: '2023-03-12' }]);
    const journal = entry('新区经济工作会议讲话', 'comprehensive', outlets.districtJournal, [{ type: 'published', on: '2023-03-12' }]);
    for (const key of ['journal-articles', 'central-provincial-media', 'city-plus-media']) {
      expect(count(key, [media, journal])).toBe(0);
    }
  });

  it('counts the same journal article recorded twice once', () => {
    const events: LedgerEvent[] = [{ type: 'submitted', on: '2023-06-01' }, { type: 'published', on: '2023-06-20' }];
    const first = entry('在三亮动员会议上的讲话', 'comprehensive', outlets.cityJournal, events, { documentId: 'd2' });
    const again = entry('在三亮动员会议上的讲话', 'comprehensive', outlets.cityJournal, events, { documentId: 'd2' });
    const items = countedItems(rule('journal-articles'), [first, again], 2023, '2023-12-31');
    expect(items).toHaveLength(1);
    expect(items[0].entryIds).toEqual([first.id, again.id]);
    // A manual entry with the same title (other spacing and book-title marks) is the same piece too.
    const manual = entry(' 《在三亮动员会议上的讲话》', 'comprehensive', outlets.cityJournal, events);
    const manual2 = entry('在三亮动员会议上的讲话', 'comprehensive', outlets.provincialJournal, events);
    expect(count('journal-articles', [manual, manual2])).toBe(1);
  });

  it('uncounts a piece whose status changed back from adopted to not adopted', () => {
    const rules: TargetDefinition = { key: 'info-adopted', name: '采用', target: 10,
      rule: { type: 'rule', pieceKinds: ['info'], outletKinds: ['channel'], minLevel: 'city', levelFrom: 'outlet', event: 'adopted', unit: 'pieces' } };
    const adopted: LedgerEvent[] = [{ type: 'submitted', on: '2023-03-01' }, { type: 'adopted', on: '2023-03-05' }];
    const info = entry('新区项目建设情况', 'info', outlets.cityInfo, adopted);
    const points = defaultPointsTable();
    expect(targetProgress(rules, [info], points, 2023, '2023-12-31').actual).toBe(1);
    const corrected = entry('新区项目建设情况', 'info', outlets.cityInfo, [...adopted, { type: 'rejected', on: '2023-03-08' }]);
    expect(corrected.facts.status).toBe('rejected');
    expect(targetProgress(rules, [corrected], points, 2023, '2023-12-31').actual).toBe(0);
    // And the adoption's points go with it.
    const ranking = defaultTargets().find((t) => t.key === 'info-ranking');
    if (!ranking) throw new Error('no info-ranking');
    expect(targetProgress(ranking, [info], points, 2023, '2023-12-31').actual).toBe(2);
    expect(targetProgress(ranking, [corrected], points, 2023, '2023-12-31').actual).toBe(0);
    // A media publication withdrawn the same way stops counting as a publication.
    const published = entry('新区夜经济', 'media', outlets.cityPaper, [{ type: 'published', on: '2023-04-01' }, { type: 'rejected', on: '2023-04-02' }]);
    expect(count('city-plus-media', [published])).toBe(0);
  });
});

describe('units and de-duplication', () => {
  it('counts one media piece in two outlets twice, and the same outlet twice once', () => {
    const events: LedgerEvent[] = [{ type: 'published', on: '2023-05-01' }];
    const a = entry('新区夜经济', 'media', outlets.cityPaper, events, { documentId: 'm1' });
    const b = entry('新区夜经济', 'media', outlets.cityTv, events, { documentId: 'm1' });
    const c = entry('新区夜经济', 'media', outlets.cityPaper, [{ type: 'published', on: '2023-05-02' }], { documentId: 'm1' });
    expect(count('city-plus-media', [a, b, c])).toBe(2);
  });

  it('counts a report sent to the city and the province once, dated by the first submission', () => {
    const a = entry('新区汛期安全', 'info', outlets.cityInfo, [{ type: 'submitted', on: '2023-07-10' }], { documentId: 'i1' });
    const b = entry('新区汛期安全', 'info', outlets.provincialInfo, [{ type: 'submitted', on: '2023-07-08' }], { documentId: 'i1' });
    const items = countedItems(rule('info-reports'), [a, b], 2023, '2023-12-31');
    expect(items.map((i) => i.on)).toEqual(['2023-07-08']);
  });

  it('dates a piece by its earliest qualifying date, so a piece published last year does not count again', () => {
    const last = entry('年终总结', 'comprehensive', outlets.cityJournal, [{ type: 'published', on: '2022-12-30' }], { documentId: 'y1' });
    const now = entry('年终总结', 'comprehensive', outlets.provincialJournal, [{ type: 'published', on: '2023-01-05' }], { documentId: 'y1' });
    expect(count('journal-articles', [last, now])).toBe(0);
    expect(countedItems(rule('journal-articles'), [last, now], 2022, '2022-12-31')).toHaveLength(1);
  });

  it('counts one piece rated twice once, and a district rating not at all', () => {
    const twice = entry('产城融合调研', 'research', outlets.cityJournal, [
      { type: 'rated', on: '2023-09-01', level: 'city' }, { type: 'rated', on: '2023-10-01', level: 'provincial' }]);
    const district = entry('社区治理调研', 'research', outlets.cityJournal, [{ type: 'rated', on: '2023-09-01', level: 'district' }]);
    const items = countedItems(rule('research-awards'), [twice, district], 2023, '2023-12-31');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ on: '2023-09-01', level: 'city' });
  });

  it('counts a piece with several authors once, and once in each author’s breakdown', () => {
    const piece = entry('营商环境调研', 'comprehensive', outlets.provincialJournal, [{ type: 'published', on: '2023-08-08' }], { authors: ['张明', '李华', '张明'] });
    const journal = byKey.get('journal-articles');
    if (!journal) throw new Error('no journal-articles');
    const progress = targetProgress(journal, [piece], defaultPointsTable(), 2023, '2023-12-31');
    expect(progress.actual).toBe(1);
    expect(progress.byWriter).toEqual([{ name: '张明', count: 1 }, { name: '李华', count: 1 }]);
    expect(progress.byLevel.find((l) => l.level === 'provincial')?.count).toBe(1);
  });

  it('does not count events after asOf, nor planned pieces', () => {
    const late = entry('新区年轻经济', 'media', outlets.cityPaper, [{ type: 'published', on: '2023-06-30' }]);
    const planned = entry('拟报稿件', 'info', outlets.cityInfo, []);
    expect(planned.facts.status).toBe('planned');
    expect(count('city-plus-media', [late], '2023-06-29')).toBe(0);
    expect(count('city-plus-media', [late], '2023-06-30')).toBe(1);
    expect(count('info-reports', [planned])).toBe(0);
  });

  it('ignores pieces of other kinds: a media piece in a journal is not a journal article', () => {
    const media = entry('新闻稿', 'media', outlets.cityJournal, [{ type: 'published', on: '2023-05-05' }]);
    expect(count('journal-articles', [media])).toBe(0);
  });
});

describe('pace, projection and the monthly series', () => {
  const journal: TargetDefinition = { key: 'j', name: 'j', target: 10, rule: rule('journal-articles') };
  const published = (day: string, id: string) =>
    entry(`文稿${id}`, 'comprehensive', outlets.cityJournal, [{ type: 'published', on: day }], { documentId: id });

  it('computes expected and projected from the day of the year', () => {
    // 2023-07-02 is day 183 of 365.
    const entries = [published('2023-01-10', 'a'), published('2023-03-10', 'b'), published('2023-06-10', 'c')];
    const p = targetProgress(journal, entries, defaultPointsTable(), 2023, '2023-07-02');
    expect(p.actual).toBe(3);
    expect(p.expected).toBeCloseTo(10 * 183 / 365, 10);
    expect(p.projected).toBeCloseTo(3 * 365 / 183, 10);
    expect(p.status).toBe('behind');
  });

  it('uses 366 days in a leap year', () => {
    const p = targetProgress({ ...journal, key: 'leap' }, [], defaultPointsTable(), 2024, '2024-12-31');
    expect(p.expected).toBe(10);
    const mid = targetProgress(journal, [], defaultPointsTable(), 2024, '2024-02-29');
    expect(mid.expected).toBeCloseTo(10 * 60 / 366, 10);
  });

  it('colours ahead, on pace and behind at the 90 % line', () => {
    // Day 73 of 365 (14 March): expected exactly 2.
    const asOf = '2023-03-14';
    const two = [published('2023-01-05', 'p'), published('2023-02-05', 'q')];
    expect(targetProgress(journal, two, defaultPointsTable(), 2023, asOf)).toMatchObject({ expected: 2, status: 'ahead' });
    const target11: TargetDefinition = { ...journal, target: 11 }; // expected 2.2; 2 ≥ 1.98
    expect(targetProgress(target11, two, defaultPointsTable(), 2023, asOf).status).toBe('on-pace');
    const target12: TargetDefinition = { ...journal, target: 12 }; // expected 2.4; 2 < 2.16
    expect(targetProgress(target12, two, defaultPointsTable(), 2023, asOf).status).toBe('behind');
  });

  it('draws bars per month, a running total up to asOf, and the pace line', () => {
    const entries = [published('2023-01-10', 'a'), published('2023-01-20', 'b'), published('2023-03-01', 'c')];
    const p = targetProgress(journal, entries, defaultPointsTable(), 2023, '2023-04-15');
    expect(p.monthly.map((m) => m.count)).toEqual([2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(p.monthly.map((m) => m.cumulative)).toEqual([2, 2, 3, 3, null, null, null, null, null, null, null, null]);
    expect(p.monthly[0].pace).toBeCloseTo(10 * 31 / 365, 10);
    expect(p.monthly[11].pace).toBe(10);
  });

  it('takes a manual target’s count as the clerk entered it', () => {
    const lectures: TargetDefinition = { key: 'lecture-series', name: '大讲堂', target: 12, rule: { type: 'manual', count: 6 } };
    const p = targetProgress(lectures, [], defaultPointsTable(), 2023, '2023-07-01'); // expected 12 × 182 / 365 ≈ 5.98
    expect(p).toMatchObject({ actual: 6, status: 'ahead' });
  });
});

describe('points tables', () => {
  it('scores adoptions and instructions by level, penalties, per writer and per target', () => {
    const entries = [
      entry('信息一', 'info', outlets.cityInfo, [{ type: 'submitted', on: '2023-02-01' }, { type: 'adopted', on: '2023-02-03' },
        { type: 'instructed', on: '2023-02-10', level: 'provincial' }], { authors: ['张明'] }),
      entry('信息二', 'info', outlets.provincialInfo, [{ type: 'adopted', on: '2023-03-01' }], { authors: ['张明', '李华'] }),
      entry('约稿', 'info', outlets.cityInfo, [{ type: 'missed', on: '2023-04-01' }], { authors: ['李华'] }),
    ];
    const progress = yearProgress(defaultYearTargets(2023), entries, '2023-12-31');
    const ranking = progress.targets.find((t) => t.key === 'info-ranking');
    // 2 (city adoption) + 10 (provincial instruction) + 5 (provincial adoption) − 10 (missed).
    expect(ranking?.actual).toBe(7);
    expect(ranking?.status).toBe('none');
    expect(progress.targets.find((t) => t.key === 'info-reports')?.score).toBe(17);
    expect(progress.writers).toEqual([{ name: '张明', score: 17, items: 2 }, { name: '李华', score: -5, items: 1 }]);
  });

  it('is data: another city’s table changes the score, not the code', () => {
    const table = { ...defaultPointsTable(), adopted: { central: 30, provincial: 15, city: 3, district: 1 } };
    const e = entry('信息', 'info', outlets.cityInfo, [{ type: 'adopted', on: '2023-02-03' }]);
    const ranking = defaultTargets().find((t) => t.key === 'info-ranking');
    if (!ranking) throw new Error('no info-ranking');
    expect(targetProgress(ranking, [e], table, 2023, '2023-12-31').actual).toBe(3);
  });
});
