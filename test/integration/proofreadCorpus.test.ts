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
