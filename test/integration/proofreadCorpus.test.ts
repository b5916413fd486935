/**
 * The proofreader over the office's real texts (../shared/context and ../shared/samples), with every
 * finding reviewed by hand. The samples are finished documents of the office: any finding there is a
 * false alarm, so their ceiling is zero. The context file is a web page copied into plain text, with
 * half-width commas throughout, quotation marks lost in copying and page furniture (发布日期:
 * 2023-09-10, 【文字大小:); each finding below was checked to be one a reviewer would agree with, and
 * the ceilings are exactly those counts: a new finding fails this test until someone reviews it.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PHRASING, Proofreader } from '../../src/core/proofing';
import { proofreadFile } from '../../src/server/proofing/proofreadFile';
import { evaluate } from '../support/plantedCorpus';

const SHARED = resolve(import.meta.dirname, '../../../shared');
const CEILINGS: Record<string, Record<string, number>> = {
  'context/yihe-office-2023-work-plan.txt': {
    // 136 half-width commas, 6 colons and 6 semicolons, all between Chinese characters.
    'punctuation.halfwidth': 148,
    // ”“ pairs and “12345·首发 / 沂河大讲堂” with one mark lost, and the page's 【文字大小:.
    'punctuation.unpaired': 11,
    // 发布日期: 2023-09-10 and 发布时间:2023-09-10 in the page header.
    'number.date': 2,
    // 精简高效二是坚持精致理念: the full stop before 二是 is missing.
    'sequence.shi': 1,
  },
};

const files = ['context', 'samples'].flatMap((dir) => readdirSync(join(SHARED, dir)).sort().map((name) => `${dir}/${name}`));

describe('the proofreader over the office’s texts', () => {
  const proofreader = new Proofreader({ phrasing: DEFAULT_PHRASING, sensitive: [], leaders: [] });

  it.each(files)('%s stays within its reviewed findings', async (file) => {
    const findings = await proofreadFile(join(SHARED, file), proofreader);
    const counts: Record<string, number> = {};
    for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    console.log(`${file}: ${findings.length} findings ${JSON.stringify(counts)}`);
    const ceiling = CEILINGS[file] ?? {};
    for (const [rule, count] of Object.entries(counts)) {
      expect(count, `${rule} in ${file}`).toBeLessThanOrEqual(ceiling[rule] ?? 0);
    }
  });
});

/**
 * The planted-typo corpus (test/fixtures/proofing): recall per confusion set and per rule group, and
 * false alarms per rule group over the clean sentences. Goals: recall ≥ 90 % for every confusion set
 * (己已巳 … 象像, 成语, 的地, 的得, 地得的, 规范表述) and so for every rule group (错别字, 的/地/得,
 * 规范表述), and ≤ 1 % of clean sentences with a false alarm of any rule group.
 */
const CONFUSION_SETS = ['己已巳', '末未', '住往', '侯候', '即既', '带戴', '做作', '账帐', '再在', '以已', '象像', '成语', '的地', '的得', '地得的', '规范表述'];
const RULE_GROUP_OF: Record<string, string> = { 的地: '的/地/得', 的得: '的/地/得', 地得的: '的/地/得', 规范表述: '规范表述' };

describe('the proofreader over the planted-typo corpus', () => {
  const result = evaluate(new Proofreader({ phrasing: DEFAULT_PHRASING, sensitive: [], leaders: [] }));
  const groups: Record<string, { found: number; total: number }> = {};
  for (const [label, r] of Object.entries(result.recall)) {
    const g = (groups[RULE_GROUP_OF[label] ?? '错别字'] ??= { found: 0, total: 0 });
    g.found += r.found;
    g.total += r.total;
  }
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;

  it('finds at least 90 % of the planted errors of each confusion set and of each rule group', () => {
    for (const [label, r] of Object.entries(result.recall)) console.log(`recall ${label}: ${r.found}/${r.total} (${pct(r.found, r.total)})`);
    for (const [group, r] of Object.entries(groups)) console.log(`recall ${group}: ${r.found}/${r.total} (${pct(r.found, r.total)})`);
    console.log(`missed:\n${result.missed.join('\n')}`);
    for (const [group, r] of Object.entries(groups)) expect(r.found / r.total, group).toBeGreaterThanOrEqual(0.9);
    for (const [label, r] of Object.entries(result.recall)) expect(r.found / r.total, label).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(result.recall).sort()).toEqual([...CONFUSION_SETS].sort());
  });

  it('raises a false alarm on at most 1 % of the clean sentences, for every rule group', () => {
    expect(result.clean).toBeGreaterThanOrEqual(400);
    for (const [group, fa] of Object.entries(result.falseAlarms)) {
      console.log(`false alarms ${group}: ${fa.sentences}/${result.clean} (${pct(fa.sentences, result.clean)}): ${fa.examples.join(' | ')}`);
      expect(fa.sentences / result.clean, group).toBeLessThanOrEqual(0.01);
    }
  });
});
