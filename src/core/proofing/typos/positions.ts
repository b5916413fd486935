/**
 * Two confusions that words alone cannot catch, found by the construction around them:
 *
 * - 以……为……: 已人民为中心, 已问题为导向 (以 opens the frame; 已 is an adverb). Left alone where the
 *   为 belongs to a verb (已列为重点, 已确定为示范单位, 已作为试点).
 * - 像……一样: 要象抓经济工作一样抓党建 (像 compares; 象 is a noun in 形象, 现象, 对象 …).
 * - 以 before the means it introduces: 已实际行动践行, 已高度的责任感, 已钉钉子精神 (已 is an adverb and
 *   stands before a verb: 已实际开工, 已高度重视).
 * - 即……即……: 既知即改, 既接即办 (既 pairs with 又/也: 既要即时受理，又要…).
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
/** The means 以 introduces, after which 已 cannot stand (an adjective and 的, or a fixed phrase). */
const MEANS = /已(?:(?:高度|饱满|昂扬|更大|更高|更强|更加务实|务实|过硬|优异|崭新|全新|百倍|十足|坚定|坚决|顽强|奋发有为|只争朝夕)的|实际行动(?!起来)|钉钉子精神|壮士断腕)/g;
/** 即知即改, 即接即办: an act and the response that follows at once. */
const AT_ONCE = /既([知查接收到来办报审批改发问])即[\u4e00-\u9fff]/g;
const NOUN_BEFORE_XIANG = '形现对印气景想抽大万表假迹意物具星天图影映卦乱险病偶肖画雕塑录摄成音征幻表';

/** Findings of the sentence frames above in one paragraph's text, all warnings. */
export function positionFindings(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(FRAME)) {
    const before = m[1][m[1].length - 1];
    // 已形成以人民为中心的格局: the frame has its own 以.
    // 以已有的成果为基础: the frame's 以 stands right before, and 已 starts a word (已有, 已经).
    if (VERB_WITH_WEI.includes(before) || /[以为]/.test(m[1]) || '而不以'.includes(text[m.index - 1] ?? '')) continue;
    found.push(finding(m.index, m.index + 1, 'typo.frame', 'warning', '“已”应为“以”：“以……为……”用“以”', ['以']));
  }
  for (const m of text.matchAll(MEANS)) {
    if (text[m.index - 1] === '以') continue;
    found.push(finding(m.index, m.index + 1, 'typo.frame', 'warning', '“已”应为“以”：引出凭借的方式用“以”', ['以']));
  }
  for (const m of text.matchAll(AT_ONCE)) {
    found.push(finding(m.index, m.index + 1, 'typo.frame', 'warning', '“既”应为“即”：“即……即……”表示立即', ['即']));
  }
  for (let at = text.indexOf('象'); at >= 0; at = text.indexOf('象', at + 1)) {
    if (NOUN_BEFORE_XIANG.includes(text[at - 1] ?? '') || '征棋牙形限'.includes(text[at + 1] ?? '')) continue;
    const clause = /^[^，。；！？]{1,12}?一样/.exec(text.slice(at + 1));
    if (clause) found.push(finding(at, at + 1, 'typo.frame', 'warning', '“象”应为“像”：比喻“像……一样”用“像”', ['像']));
  }
  return found;
}
