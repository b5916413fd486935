#!/usr/bin/env node
/**
 * Generates src/core/proofing/typos/lexicon.ts, the 错别字 dictionary the proofreader ships:
 *
 *   npm pack nodejieba && tar xzf nodejieba-*.tgz        (in a scratch folder, e.g. /tmp/typospkg)
 *   node scripts/typo-lexicon/generate.mjs /tmp/typospkg/package/submodules/cppjieba/dict/jieba.dict.utf8
 *
 * Source: the jieba dictionary (jieba.dict.utf8 as cppjieba ships it in the nodejieba package, MIT
 * licence: about 349,000 words with a frequency and a part-of-speech tag, 35,000 of them tagged as
 * idioms i / 习用语 l). It is read here only; the lexicon keeps what the method below derives.
 *
 * Method (confusion sets, by words, not single characters):
 *   1. Idioms (4+ characters tagged i or l, and 4-character entries jieba tags nr with frequency ≥ 10,
 *      where it files idioms such as 严于律己): each confusable character is swapped with each partner
 *      in its set (GROUPS and, for idioms only, IDIOM_GROUPS). A swapped form is kept as a wrong form
 *      when it is not itself a word: absent from the dictionary, or present only as a rare copy of the
 *      idiom's typo (≤ 5 % of the idiom's frequency, or at jieba's floor of 3 against ≥ 10). An idiom
 *      that is itself the rarer of two variants is never used as the correct form. In 习用语 (l), which
 *      are often free phrases (一切都在), only inner characters are swapped (一切都再次 is correct text).
 *   2. Two- and three-character forms (only GROUPS): candidates are made the same way from common
 *      words (frequency ≥ 100 for two characters, ≥ 30 for three), then reviewed by hand: short-forms.txt
 *      lists the ones kept and why the rest were dropped. Each listed form is checked here to be one swap
 *      of its correct word.
 *   3. ALLOWED: idioms that contain a wrong form and are correct (据为己有, 知己知彼 …), and those
 *      short-forms.txt adds where the dictionary also lists the typo (不能自已 beside 不能自己).
 *   4. CONTEXT_WORDS: common words (frequency ≥ CONTEXT_MIN, 2–4 characters, not personal names) that
 *      cross the edge of a short wrong form; where one is present, the text has a correct reading
 *      (来自|已经, 周末|来临, 统一|在), and the proofreader stays silent.
 *   5. BOUND_WORDS: the words 己 and 巳 occur in; elsewhere either character is reported as 已. The
 *      dictionary's words, and those short-forms.txt adds on lines starting with = (the 己 years of
 *      the 60-year cycle, 人人为己, 修己 …).
 *   6. Every wrong form is looked for in the office's texts (../shared) and printed with its hits,
 *      which must be none.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dictPath = process.argv[2];
if (!dictPath || !existsSync(dictPath)) {
  process.stderr.write('usage: node scripts/typo-lexicon/generate.mjs path/to/jieba.dict.utf8\n');
  process.exit(2);
}

/** The confusion sets of 形近字 and 音近字 checked everywhere (的/地/得 go by grammar: typos/particles.ts). */
export const GROUPS = ['己已巳', '末未', '住往', '侯候', '即既', '带戴', '做作', '账帐', '再在', '以已', '象像'];
/** Further classic confusions, used for idioms only (a swapped idiom cannot occur in correct text). */
export const IDIOM_GROUPS = [
  '部步', '及急', '继既', '厉励', '墨默', '鼓股', '辨辩', '竞竟', '须需', '渡度', '暇瑕', '籍藉', '崇祟', '赢嬴',
  '粱梁', '徇循', '迭叠', '篷蓬', '蜂锋', '炙灸', '杖仗', '棉绵', '练炼', '复覆', '型形', '燥躁', '粹萃', '博搏',
  '瞻赡', '撤彻', '防妨', '拨拔', '漠莫', '其奇', '屈曲', '果裹', '息惜', '声生', '诫戒', '历厉', '密秘', '副付',
  '题提', '详祥', '栽裁',
];
const CONTEXT_MIN = 50;
const HAN = /^\p{Script=Han}+$/u;
const PERSON = new Set(['nr', 'nrt', 'nrfg', 'x', 'eng']);

const dict = new Map();
for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
  const [word, freq, tag] = line.split(' ');
  if (word) dict.set(word, { f: Number(freq), t: tag });
}
const freq = (w) => dict.get(w)?.f ?? 0;

function partnerMap(groups) {
  const map = new Map();
  for (const g of groups) for (const c of g) for (const d of g) {
    if (c === d) continue;
    if (!map.has(c)) map.set(c, new Set());
    map.get(c).add(d);
  }
  return map;
}
const basePartners = partnerMap(GROUPS);
const idiomPartners = partnerMap([...GROUPS, ...IDIOM_GROUPS]);
const variants = (w, partners) => {
  const out = [];
  for (let i = 0; i < w.length; i++) for (const p of partners.get(w[i]) ?? []) out.push(w.slice(0, i) + p + w.slice(i + 1));
  return out;
};
/** A swapped form that is no word: absent, or a rare copy of the correct word's typo. */
const notAWord = (x, f) => { const e = dict.get(x); return !e || e.f <= 0.05 * f || (e.f <= 3 && f >= 10); };

// 2. The reviewed short forms.
const short = [];
const extraAllowed = [];
const extraBound = [];
for (const line of readFileSync(join(here, 'short-forms.txt'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  if (line.startsWith('+')) { extraAllowed.push(line.slice(1).trim()); continue; }
  if (line.startsWith('=')) { extraBound.push(...line.slice(1).trim().split(/\s+/)); continue; }
  const [wrong, right, level] = line.trim().split(/\s+/);
  if (!['E', 'W'].includes(level) || wrong.length !== right.length) throw new Error(`short-forms.txt: ${line}`);
  const diff = [...wrong].map((c, i) => (c === right[i] ? -1 : i)).filter((i) => i >= 0);
  if (diff.length !== 1 || !basePartners.get(right[diff[0]])?.has(wrong[diff[0]])) throw new Error(`not one confusable swap: ${line}`);
  if (!dict.has(right)) process.stderr.write(`note: ${right} is not in the dictionary\n`);
  short.push({ wrong, right, certain: level === 'E' });
}
const shortWrong = new Map(short.map((s) => [s.wrong, s]));

// 1. Idioms.
const isIdiom = (w, e) => w.length >= 4 && (e.t === 'i' || e.t === 'l' || (e.t === 'nr' && w.length === 4 && e.f >= 10));
const idioms = new Map();
let idiomsSeen = 0;
for (const [w, e] of dict) {
  if (!HAN.test(w) || !isIdiom(w, e)) continue;
  const vs = variants(w, idiomPartners);
  if (vs.length === 0) continue;
  // Usable as the correct form only where it is clearly the commoner variant (ties are jieba's noise,
  // 舍己为公 and 舍已为公 both at 3), and not a form short-forms.txt declares wrong.
  if (vs.some((v) => freq(v) >= e.f) || shortWrong.has(w)) continue;
  idiomsSeen += 1;
  for (const x of vs) {
    if (!notAWord(x, e.f) || idioms.has(x) || shortWrong.has(x)) continue;
    // 习用语 are often free phrases (一切都在): a swap at their edge can be correct text (一切都再次).
    const at = [...x].findIndex((c, i) => c !== w[i]);
    if (e.t === 'l' && (at === 0 || at === w.length - 1)) continue;
    // Redundant where a certain short form already covers the swap with the same fix.
    const covered = short.some((s) => s.certain && x.includes(s.wrong) && x.replace(s.wrong, s.right) === w);
    if (!covered) idioms.set(x, w);
  }
}

const wrongForms = new Map([...short.map((s) => [s.wrong, s.right]), ...idioms]);
/** A dictionary word that is the typo of another (自已 beside 自己): never evidence of correct text. */
const isTypo = (v) => wrongForms.has(v) || variants(v, basePartners).some((x) => freq(x) > 20 * freq(v));

// 3. Correct words containing a wrong form.
const byBigram = new Map();
for (const [w, e] of dict) {
  if (w.length < 3 || w.length > 8 || !HAN.test(w) || e.f < 3) continue;
  for (let i = 0; i + 2 <= w.length; i++) {
    const k = w.slice(i, i + 2);
    if (!byBigram.has(k)) byBigram.set(k, new Set());
    byBigram.get(k).add(w);
  }
}
/** Typos jieba files as 习用语 (网页制做 for 网页制作): not evidence of correct text. */
const NOT_ALLOWED = new Set(['个人制做', '大制做', '网页制做', '恕已及人', '恕已及物']);
const allowed = new Set();
for (const [wrong, right] of wrongForms) {
  for (const v of byBigram.get(wrong.slice(0, 2)) ?? []) {
    // Idioms only: elsewhere a word across the wrong form's edge (CONTEXT_WORDS) tells the correct reading.
    const tag = dict.get(v).t;
    if (tag !== 'i' && tag !== 'l') continue;
    if (v === wrong || v.length <= wrong.length || !v.includes(wrong) || isTypo(v) || NOT_ALLOWED.has(v)) continue;
    if (freq(v.replace(wrong, right)) >= freq(v)) continue;
    allowed.add(v);
  }
}

for (const word of extraAllowed) {
  if (![...wrongForms.keys()].some((w) => word.includes(w))) throw new Error(`+ ${word} contains no wrong form`);
  allowed.add(word);
}

// 4. Words across the edge of a short wrong form.
const endsWith = new Map();
const startsWith = new Map();
for (const [w, e] of dict) {
  if (w.length < 2 || w.length > 4 || !HAN.test(w) || e.f < CONTEXT_MIN || PERSON.has(e.t) || isTypo(w)) continue;
  for (let k = 1; k < w.length; k++) {
    const tail = w.slice(w.length - k);
    const head = w.slice(0, k);
    if (!endsWith.has(tail)) endsWith.set(tail, []);
    endsWith.get(tail).push(w);
    if (!startsWith.has(head)) startsWith.set(head, []);
    startsWith.get(head).push(w);
  }
}
const context = new Set();
for (const { wrong } of short) {
  for (let k = 1; k < wrong.length; k++) {
    for (const v of endsWith.get(wrong.slice(0, k)) ?? []) context.add(v);
    for (const v of startsWith.get(wrong.slice(k)) ?? []) context.add(v);
  }
}

// 5. 己 and 巳 stand only inside a closed set of words (自己, 知己, 克己奉公; 己巳, 巳时): elsewhere they are 已.
const bound = new Set();
for (const [w, e] of dict) {
  if (w.length < 2 || !HAN.test(w) || e.f < 3 || !/[己巳]/.test(w) || isTypo(w) || NOT_ALLOWED.has(w)) continue;
  // A word whose 已 form is as common is the typo of that form (早己 beside 早已).
  const asYi = [...w].map((c, i) => (c === '己' || c === '巳' ? w.slice(0, i) + '已' + w.slice(i + 1) : null)).filter(Boolean);
  if (asYi.some((x) => freq(x) >= e.f)) continue;
  bound.add(w);
}
for (const right of wrongForms.values()) if (/[己巳]/.test(right)) bound.add(right);
for (const word of extraBound) {
  if (!/[己巳]/.test(word)) throw new Error(`= ${word} has no 己 or 巳`);
  bound.add(word);
}

// 6. The office's texts: no wrong form may occur there.
const sharedDir = resolve(root, '../shared');
const officeTexts = ['context', 'samples'].flatMap((d) => {
  const dir = join(sharedDir, d);
  return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')) : [];
}).join('\n');
for (const wrong of wrongForms.keys()) {
  if (officeTexts.includes(wrong)) process.stderr.write(`in the office's texts: ${wrong}\n`);
}

const certain = [...short.filter((s) => s.certain).map((s) => `${s.wrong} ${s.right}`), ...[...idioms].map(([x, w]) => `${x} ${w}`)];
const likely = short.filter((s) => !s.certain).map((s) => `${s.wrong} ${s.right}`);
const sortZh = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const wrapped = (items, perLine) => {
  const rows = [];
  for (let i = 0; i < items.length; i += perLine) rows.push(` * ${items.slice(i, i + perLine).join(' ')}`);
  return rows.join('\n');
};
const header = `/**
 * The 错别字 dictionary (generated by scripts/typo-lexicon/generate.mjs; do not edit by hand: edit
 * short-forms.txt or the generator and run it again). Correct words come from the jieba dictionary
 * (jieba.dict.utf8 as the nodejieba package ships it, MIT licence); the two- and three-character
 * wrong forms were reviewed by hand (scripts/typo-lexicon/short-forms.txt). Method: a confusable
 * character of a correct word (${GROUPS.join(' ')}; in idioms also
${wrapped(IDIOM_GROUPS, 24)})
 * is swapped with its partner, and the swapped form is kept only when it is not itself a word. See the
 * generator for the details.
 *
 * ${certain.length} certain wrong forms (错误), ${likely.length} likely ones (警告), ${allowed.size} correct words that
 * contain a wrong form, ${context.size} words that cross the edge of a short wrong form, ${bound.size} words
 * that 己 and 巳 occur in.
 */
`;
const lines = (items) => [...items].sort(sortZh).join('\n');
const words = (items) => {
  const sorted = [...items].sort(sortZh);
  const rows = [];
  for (let i = 0; i < sorted.length; i += 24) rows.push(sorted.slice(i, i + 24).join(' '));
  return rows.join('\n');
};
const body = `${header}
/** Certain typos, one \`wrong right\` pair a line: reported as 错误. */
export const CERTAIN_TYPOS = \`
${lines(certain)}
\`;

/** Likely typos, one \`wrong right\` pair a line: reported as 警告. */
export const LIKELY_TYPOS = \`
${lines(likely)}
\`;

/** Correct words that contain a wrong form (不能自已 contains 自已): never reported. */
export const ALLOWED_WORDS = \`
${words(allowed)}
\`;

/** Words that cross the edge of a short wrong form: where one stands there, the text reads correctly. */
export const CONTEXT_WORDS = \`
${words(context)}
\`;

/** The words 己 and 巳 occur in (自己, 克己奉公, 己巳): outside them the character is a typo of 已. */
export const BOUND_WORDS = \`
${words(bound)}
\`;
`;
const out = join(root, 'src/core/proofing/typos/lexicon.ts');
writeFileSync(out, body);
process.stdout.write(`idioms with a confusable character: ${idiomsSeen}\n`);
process.stdout.write(`certain ${certain.length} (short ${short.filter((s) => s.certain).length}, idioms ${idioms.size}), likely ${likely.length}, allowed ${allowed.size}, context ${context.size}, bound ${bound.size}\n`);
process.stdout.write(`wrote ${out} (${Buffer.byteLength(body)} bytes)\n`);
