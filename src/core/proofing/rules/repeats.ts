/**
 * Rule group 4, repeated characters and words: 的的, 了了, 进一步进一步. Only function characters are
 * checked singly (常常, 天天, 人人 are words), with the idioms that legitimately double them, and a
 * doubled two-character word is only a warning (研究研究 is a colloquial but real verb form).
 */
import { isHan } from '../chars';
import { finding } from '../finding';
import type { Finding } from '../types';

/** Function characters never doubled in official prose, and where doubling them is still right. */
const SINGLE: Readonly<Record<string, { before?: string; after?: string; words?: readonly string[] }>> = {
  的: { before: '目标矢端', after: '确' }, // 目的的, 标的的, 的的确确
  了: { after: '解结却', words: ['不了了之', '不甚了了', '小时了了'] }, // 为了了解, 除了了结
  是: { after: '非否' }, // 是是非非, 就是是否
  在: { before: '实现存所好自内外' }, // 实实在在, 现在在
  和: { before: '总温缓暖柔谐', after: '美气睦顺' }, // 和和美美, 总和和
  与: { before: '参给赋授' }, // 参与与否
  也: {},
  都: { before: '首古国' }, // 首都都
  就: { before: '成造迁' }, // 成就就
  并: { before: '合吞兼' }, // 合并并
  把: { after: '关' }, // 把把关
};

function legitimateDouble(text: string, i: number, ch: string): boolean {
  const rule = SINGLE[ch];
  if (rule.before?.includes(text[i - 1] ?? '')) return true;
  if (rule.after?.includes(text[i + 2] ?? '')) return true;
  return (rule.words ?? []).some((word) => {
    const offset = word.indexOf(ch + ch);
    return text.startsWith(word, i - offset);
  });
}

function allHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (!isHan(text[i])) return false;
  return true;
}

export function repeatFindings(text: string): Finding[] {
  const found: Finding[] = [];
  const covered = new Set<number>();
  // Longest first: 进一步进一步 is one finding, not also 一步一步.
  for (const length of [4, 3, 2]) {
    for (let i = 0; i + 2 * length <= text.length; i += 1) {
      // Most positions differ already in their first character: no strings made for them.
      if (text.charCodeAt(i) !== text.charCodeAt(i + length) || covered.has(i)) continue;
      const unit = text.slice(i, i + length);
      if (!allHan(text, i, i + length) || text.slice(i + length, i + 2 * length) !== unit) continue;
      if (new Set(unit).size === 1) continue; // 哈哈哈哈 and the like
      if (unit[0] === '一') continue; // 一步一步, 一个项目一个项目
      if (length === 2 && unit[1] === unit[0]) continue;
      const severity = length === 2 ? 'warning' : 'error';
      found.push(finding(i + length, i + 2 * length, 'repeat.word', severity, `词语重复：“${unit}${unit}”`, ['']));
      for (let k = i; k < i + 2 * length; k += 1) covered.add(k);
      i += 2 * length - 1;
    }
  }
  for (let i = 0; i + 1 < text.length; i += 1) {
    if (text.charCodeAt(i) !== text.charCodeAt(i + 1)) continue;
    const ch = text[i];
    if (!(ch in SINGLE) || covered.has(i)) continue;
    if (legitimateDouble(text, i, ch)) { i += 1; continue; }
    found.push(finding(i + 1, i + 2, 'repeat.char', 'error', `字重复：“${ch}${ch}”`, ['']));
    i += 1;
  }
  return found;
}
