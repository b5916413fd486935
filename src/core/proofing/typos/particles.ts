/**
 * 的/地/得 by grammatical position, with a narrow pattern set that errs towards silence:
 *
 * - 的 → 地: an adverbial, 的, then a verb in a predicate (要认真的学习, 切实的抓好, 积极的参与了).
 *   A 的 before a noun is right (认真的态度, 积极的作用), and so is a verb read as a noun
 *   (开展认真的学习, 认真的学习态度, 在积极的参与中): such readings are recognised and left alone.
 * - 的 → 得: a verb, 的, then a complement of degree closing the clause (工作做的很好。 落实的不到位，).
 * - 地/得 → 的: an attributive adjective, 地 or 得, then a noun that no verb reading takes (美丽地家园,
 *   良好地营商环境, 美好得未来). Both lists are closed: a noun that starts a word with 地 (地基, 地形,
 *   地位) or that is also a verb (生活, 发展) is left out, so 坚实地基, 幸福地生活 stay silent.
 *
 * Both are warnings: the reading of a sentence decides, and the writer confirms.
 */
import { isHan } from '../chars';
import { finding } from '../finding';
import type { Finding } from '../types';

/** Adverbials usually written with 地 before a verb. */
const ADVERBIALS = [
  '认真', '积极', '切实', '努力', '大力', '扎实', '稳步', '主动', '全力', '逐步', '尽快', '牢牢', '坚决', '迅速',
  '深入', '扎扎实实', '认认真真', '实实在在', '积极主动', '坚定不移', '毫不动摇', '持之以恒', '一以贯之', '创造性',
  '有条不紊', '有序', '稳妥', '妥善', '严格', '自觉', '全面', '彻底', '高效', '精准', '持续', '广泛', '深刻', '及时',
];
/** Adverbials that are almost never attributive: they need no further sign of a predicate. */
const ADVERB_ONLY = new Set([
  '切实', '大力', '稳步', '全力', '逐步', '尽快', '牢牢', '扎扎实实', '认认真真', '积极主动', '坚定不移', '毫不动摇',
  '持之以恒', '一以贯之', '有条不紊',
]);
/** Verbs of official prose that such an adverbial modifies, and coverbs that open a predicate (把, 将, 向). */
const VERBS = [
  '学习', '贯彻', '落实', '推进', '推动', '开展', '抓好', '做好', '抓实', '解决', '发挥', '完成', '执行', '研究', '参与',
  '投入', '整改', '把握', '理解', '领会', '回应', '处置', '提升', '加强', '防范', '化解', '组织', '实施', '部署', '宣传',
  '引导', '推广', '应对', '处理', '查找', '剖析', '改进', '纠正', '调查', '核实', '排查', '督促', '指导', '协调', '配合',
  '支持', '维护', '巩固', '拓展', '深化', '优化', '完善', '健全', '建立', '打造', '培育', '构建', '提高', '增强', '促进',
  '加快', '实现', '保护', '弘扬', '践行', '遵守', '履行', '承担', '对待', '思考', '谋划', '反映', '报送', '收集', '汇总',
  '分析', '研判', '总结', '运用', '推行', '融入', '投身', '争取', '破解', '攻克', '筹备', '落地', '服务', '守住', '守牢',
  '把好', '把牢', '抓住', '做实', '推广', '完成', '解答', '答复', '办理', '把', '将', '向',
];
/** Before the adverbial, these make the phrase a noun phrase (开展认真的学习, 给予大力的支持, 很认真的学习). */
const NOUN_BEFORE = [
  '给予', '得到', '受到', '进行', '开展', '作出', '做出', '加以', '予以', '经过', '通过', '需要', '这种', '这样', '一种', '提供',
  '有', '是', '在', '以', '和', '与', '及', '的', '了', '最', '很', '更', '较', '不', '非常', '十分', '更为', '较为', '比较',
  '种', '次', '场', '项', '个',
];
/** After the verb, these make it a noun (认真的学习态度, 积极的参与中, 深入的研究和思考). */
const NOUN_AFTER = [
  '的', '是', '中', '上', '里', '和', '与', '及', '者', '型', '性', '式', '化', '人', '员', '下', '后', '前', '时', '之',
  '态度', '精神', '作风', '氛围', '习惯', '风气', '劲头', '热情', '状态', '过程', '方式', '方法', '机制', '体系', '成果',
  '成效', '效果', '意识', '能力', '水平', '工作', '活动', '计划', '任务', '制度', '措施', '政策', '环境', '局面', '态势',
  '势头', '格局', '理念', '思路', '目标', '要求', '内容', '质量', '效率', '意愿', '行为', '行动', '情况', '问题', '经验',
];
/** After the verb, these make it a noun even where the adverbial or a modal suggests a predicate. */
const NOUN_MARKERS = ['的', '是', '中', '者'];
/** Right before the adverbial, these show a predicate (要认真的学习, 必须切实的抓好). */
const MODALS = [
  '要', '须', '必须', '应', '应当', '应该', '需', '将', '会', '能', '能够', '要求', '继续', '正在', '已', '已经', '都', '也', '还',
  '并', '就', '才', '务必', '一定要', '始终', '一直', '共同', '一起', '一道', '进一步', '更加', '切实',
];
/** A verb followed by these is a predicate (认真的学习了, 积极的参与着). */
const ASPECT = '了着过';

/** Verbs whose object is a complement of degree with 得 (做得很好, 落实得不到位). */
const DEGREE_VERBS = [
  '做', '干', '办', '抓', '搞', '学', '讲', '写', '跑', '走', '变', '落实', '完成', '开展', '推进', '发展', '执行', '贯彻',
  '组织', '表现', '发挥', '实施', '建设', '管理', '服务', '准备', '安排', '处理', '解决', '把握', '掌握', '理解', '领会',
  '坚持', '推动', '提升', '配合', '协调', '宣传', '整改', '筹备', '保障', '部署', '衔接', '推广', '运转', '办理', '剖析',
  '查摆', '分析', '检查', '查找', '反思', '对照', '研究', '谋划',
];
/** Nouns that end in one of those verbs (大学的很多, 骨干的很好): not a verb before 的. */
const NOUNS_ENDING_IN_VERB = [
  '大学', '小学', '中学', '科学', '教学', '数学', '文学', '哲学', '医学', '法学', '化学', '同学', '骨干', '若干', '树干', '才干',
  '主干', '党政办', '政府办', '督查办', '事变', '病变', '长跑', '叫做', '看做', '当做', '称做', '比做',
];
const DEGREE_ADVERBS = ['很', '非常', '十分', '更加', '越来越', '比较', '较为', '相当', '特别', '尤为', '极为', '不够', '不太', '太', '更', '还不够', '还'];
/** Complements complete in themselves (做得有声有色, 办得不错). */
const FIXED_COMPLEMENTS = [
  '不错', '到位', '不到位', '及时', '不及时', '扎实', '不扎实', '有声有色', '井井有条', '扎扎实实', '红红火火', '风生水起',
  '卓有成效', '有条不紊', '明明白白', '清清楚楚', '不深不透', '不深不实', '不细不实', '好', '不好', '更好', '较好', '最好', '快', '更快', '慢', '太慢', '实', '不实', '细', '不细',
];
/** Adjectives that stand as attributives before a noun with 的 (美丽的家园, 良好的环境). */
const ATTRIBUTIVES = [
  '美丽', '美好', '幸福', '良好', '和谐', '优美', '优异', '优良', '温馨', '舒适', '崭新', '优质', '宝贵', '丰硕', '显著',
  '安定', '祥和', '清新', '整洁', '文明', '平安', '光明', '辉煌', '广阔', '灿烂', '富裕', '繁荣', '亮丽',
];
/** Nouns with no verb reading whose first character makes no word with 地 or 得 (地家, 地环 are none). */
const PLAIN_NOUNS = [
  '家园', '环境', '营商环境', '生态环境', '日子', '成绩', '成效', '成果', '氛围', '未来', '前景', '前途', '局面', '条件',
  '风景', '景色', '愿景', '明天', '品质', '校园', '社区', '乡村', '城市', '城乡', '新城', '画卷', '篇章', '风貌', '面貌',
  '秩序', '风气', '家庭', '口碑', '声誉', '业绩', '收成', '答卷', '蓝图', '社会', '景象',
];
const CLAUSE_END = '，。；！？、：,.;!?';

const endsWithAny = (text: string, end: number, words: readonly string[]): string | undefined =>
  words.find((w) => end >= w.length && text.startsWith(w, end - w.length));
const startsWithAny = (text: string, at: number, words: readonly string[]): string | undefined =>
  words.find((w) => text.startsWith(w, at));
const longestFirst = (words: readonly string[]): string[] => [...new Set(words)].sort((a, b) => b.length - a.length);

const ADVERBIAL_LIST = longestFirst(ADVERBIALS);
const VERB_LIST = longestFirst(VERBS);
const TWO_CHARACTER_VERBS = VERB_LIST.filter((v) => v.length === 2);
const NOUN_BEFORE_LIST = longestFirst(NOUN_BEFORE);
const NOUN_AFTER_LIST = longestFirst(NOUN_AFTER);
const MODAL_LIST = longestFirst(MODALS);
const DEGREE_VERB_LIST = longestFirst(DEGREE_VERBS);
const DEGREE_ADVERB_LIST = longestFirst(DEGREE_ADVERBS);
const FIXED_LIST = longestFirst(FIXED_COMPLEMENTS);
const ATTRIBUTIVE_LIST = longestFirst(ATTRIBUTIVES);
const PLAIN_NOUN_LIST = longestFirst(PLAIN_NOUNS);

/** 美丽地家园, 美好得未来: an attributive adjective, 地 or 得, then a plain noun; the particle should be 的. */
const attributiveParticle = (text: string, at: number): boolean =>
  endsWithAny(text, at, ATTRIBUTIVE_LIST) !== undefined && startsWithAny(text, at + 1, PLAIN_NOUN_LIST) !== undefined;

/** 认真的学习 in a predicate: the 的 should be 地. */
function adverbialDe(text: string, at: number): boolean {
  const adverbial = endsWithAny(text, at, ADVERBIAL_LIST);
  if (!adverbial) return false;
  const verb = startsWithAny(text, at + 1, VERB_LIST);
  if (!verb) return false;
  const before = at - adverbial.length;
  if (endsWithAny(text, before, NOUN_BEFORE_LIST)) return false;
  // A coverb (把, 将, 向) opens a predicate.
  if (verb.length === 1) return true;
  const after = at + 1 + verb.length;
  if (startsWithAny(text, after, NOUN_MARKERS)) return false;
  // An adverb-only word or a modal before it make a predicate: what follows the verb is its object
  // (切实的加强作风建设); otherwise a noun after the verb makes the verb a noun (认真的学习态度).
  if (ADVERB_ONLY.has(adverbial) || endsWithAny(text, before, MODAL_LIST) !== undefined) return true;
  if (startsWithAny(text, after, NOUN_AFTER_LIST)) return false;
  // At the start of a clause, with an object after the verb, the adverbial phrase is the predicate
  // (，认真的学习有关文件): a subject would be followed by 是, a conjunction or punctuation instead.
  if (clauseStart(text, before) && after < text.length && !CLAUSE_BREAK.includes(text[after])
    && !startsWithAny(text, after, SUBJECT_FOLLOWERS)) return true;
  return (after < text.length && ASPECT.includes(text[after])) || startsWithAny(text, after, TWO_CHARACTER_VERBS) !== undefined;
}

/** Punctuation that ends a clause (，。；：！？、 and the like). */
const CLAUSE_BREAK = '，。；：！？、,.;:!?）)”’';
/** What follows a verb read as a subject (认真的学习是关键, 认真的学习和思考): not an object. */
const SUBJECT_FOLLOWERS = ['是', '和', '与', '及', '或', '就', '才', '能', '可以', '使', '让', '需要', '有助于', '对于', '对'];

/** Whether `at` starts a clause: the text's start or right after a clause-ending mark. */
function clauseStart(text: string, at: number): boolean {
  return at === 0 || CLAUSE_BREAK.includes(text[at - 1] ?? '');
}

/** 做的很好。 the 的 should be 得. */
function degreeDe(text: string, at: number): boolean {
  const verb = endsWithAny(text, at, DEGREE_VERB_LIST);
  if (!verb) return false;
  const before = at - verb.length;
  // 所做的很好 is a noun phrase; a noun ending in the verb (科学的, 骨干的) is no verb.
  if (text[before - 1] === '所' || endsWithAny(text, at, NOUNS_ENDING_IN_VERB)) return false;
  let from = at + 1;
  const degree = startsWithAny(text, from, DEGREE_ADVERB_LIST);
  if (degree) {
    from += degree.length;
    let end = from;
    while (end < text.length && end - from < 4 && isHan(text[end])) end += 1;
    if (end === from || !(end === text.length || CLAUSE_END.includes(text[end]))) return false;
    // 很多, 很少 may be a noun phrase's quantity (做的很多): leave them.
    return !/^[多少]/.test(text.slice(from, end));
  }
  const fixed = startsWithAny(text, from, FIXED_LIST);
  if (!fixed) return false;
  const end = from + fixed.length;
  return end === text.length || CLAUSE_END.includes(text[end]);
}

/** 的/地/得 findings in one paragraph's text, all warnings. */
export function particleFindings(text: string): Finding[] {
  const found: Finding[] = [];
  for (const particle of '地得') {
    for (let at = text.indexOf(particle); at >= 0; at = text.indexOf(particle, at + 1)) {
      if (attributiveParticle(text, at)) {
        found.push(finding(at, at + 1, 'typo.de', 'warning', `“${particle}”应为“的”：形容词修饰名词用“的”`, ['的']));
      }
    }
  }
  for (let at = text.indexOf('的'); at >= 0; at = text.indexOf('的', at + 1)) {
    if (adverbialDe(text, at)) {
      found.push(finding(at, at + 1, 'typo.de', 'warning', '“的”应为“地”：状语修饰动词用“地”', ['地']));
    } else if (degreeDe(text, at)) {
      found.push(finding(at, at + 1, 'typo.de', 'warning', '“的”应为“得”：动词后接程度补语用“得”', ['得']));
    }
  }
  return found;
}
