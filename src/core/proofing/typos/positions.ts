/**
 * Two confusions that words alone cannot catch, found by the construction around them:
 *
 * - 以……为……: 已人民为中心, 已问题为导向 (以 opens the frame; 已 is an adverb). Left alone where the
 *   为 belongs to a verb (已列为重点, 已确定为示范单位, 已作为试点).
 * - 像……一样: 要象抓经济工作一样抓党建 (像 compares; 象 is a noun in 形象, 现象, 对象 …).
 *
 * Both are warnings.
 */
import { finding } from '../finding';
import type { Finding } from '../types';

/** What 以……为 frames in official prose (以人民为中心, 以问题为导向, 以此为契机). */
const FRAME = /已([\u4e00-\u9fff“”]{1,10}?)为(中心|导向|抓手|契机|主线|重点|目标|核心|引领|根本|前提|基础|依托|支撑|主体|动力|保障|载体|统领|遵循|指引|牵引|突破口|切入点|落脚点|出发点|着力点|主攻方向)/g;
/** Characters before 为 that make a verb with it (列为, 定为, 作为, 成为, 评为 …). */
const VERB_WITH_WEI = '列定作成评改转视称选名设立认纳划变化分升确命';
/** Characters before 象 that make a word ending in it (形象, 现象, 对象 …). */
const NOUN_BEFORE_XIANG = '形现对印气景想抽大万表假迹意物具星天图影映卦乱险病偶肖画雕塑录摄成音征幻表';

export function positionFindings(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(FRAME)) {
    const before = m[1][m[1].length - 1];
    // 已形成以人民为中心的格局: the frame has its own 以.
    if (VERB_WITH_WEI.includes(before) || /[以为]/.test(m[1]) || text[m.index - 1] === '而' || text[m.index - 1] === '不') continue;
    found.push(finding(m.index, m.index + 1, 'typo.frame', 'warning', '“已”应为“以”：“以……为……”用“以”', ['以']));
  }
  for (let at = text.indexOf('象'); at >= 0; at = text.indexOf('象', at + 1)) {
    if (NOUN_BEFORE_XIANG.includes(text[at - 1] ?? '') || '征棋牙形限'.includes(text[at + 1] ?? '')) continue;
    const clause = /^[^，。；！？]{1,12}?一样/.exec(text.slice(at + 1));
    if (clause) found.push(finding(at, at + 1, 'typo.frame', 'warning', '“象”应为“像”：比喻“像……一样”用“像”', ['像']));
  }
  return found;
}
