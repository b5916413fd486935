/**
 * Rule group 1, paired marks: “” ‘’ （） 《》 【】 〔〕 must balance within a paragraph. Each kind is
 * counted on its own (a stray 《 does not hide a stray ”), half-width ( ) pair with full-width ones
 * (the half-width rule reports those), and an apostrophe in English (don’t) is not a quote.
 */
import { isLatinOrDigit } from '../chars';
import { finding } from '../finding';
import type { Finding } from '../types';

interface PairKind { open: string; close: string; name: string }

const KINDS: readonly PairKind[] = [
  { open: '“', close: '”', name: '引号' },
  { open: '‘', close: '’', name: '单引号' },
  { open: '（(', close: '）)', name: '括号' },
  { open: '《', close: '》', name: '书名号' },
  { open: '【', close: '】', name: '方头括号' },
  { open: '〔', close: '〕', name: '六角括号' },
];

/** What a paragraph leaves open, for the multi-paragraph quotation convention (see Proofreader). */
export interface PairReport {
  findings: Finding[];
  /** The paragraph starts with “ that it leaves open: a quotation that may go on in the next paragraph. */
  openQuoteAtStart: boolean;
}

function isApostrophe(text: string, i: number): boolean {
  return text[i] === '’' && isLatinOrDigit(text[i - 1]) && isLatinOrDigit(text[i + 1]);
}

export function unbalancedPairs(text: string): PairReport {
  const findings: Finding[] = [];
  let openQuoteAtStart = false;
  for (const kind of KINDS) {
    // Most paragraphs hold no mark of most kinds: a native search skips them.
    if (![...kind.open, ...kind.close].some((mark) => text.includes(mark))) continue;
    const opens: number[] = [];
    const strayCloses: number[] = [];
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i];
      if (kind.open.includes(ch)) opens.push(i);
      else if (kind.close.includes(ch) && !isApostrophe(text, i)) {
        if (opens.length > 0) opens.pop();
        else strayCloses.push(i);
      }
    }
    if (opens.length === 0 && strayCloses.length === 0) continue;
    const quote = kind.open === '“' || kind.open === '‘';
    const flip = quote ? sameDirectionPair(text, kind) : null;
    if (flip) {
      findings.push(finding(flip.at, flip.at + 1, 'punctuation.unpaired', 'error',
        `${kind.name}方向用错：此处应为${kind.close.includes(flip.replacement) ? '后' : '前'}${kind.name}`, [flip.replacement]));
      continue;
    }
    if (kind.open === '“' && opens.length === 1 && strayCloses.length === 0 && opens[0] === leadingIndex(text)) {
      openQuoteAtStart = true;
    }
    for (const at of opens) {
      findings.push(finding(at, at + 1, 'punctuation.unpaired', 'error', `${kind.name}不成对：缺少与之配对的后${kind.name}`));
    }
    for (const at of strayCloses) {
      findings.push(finding(at, at + 1, 'punctuation.unpaired', 'error', `${kind.name}不成对：缺少与之配对的前${kind.name}`));
    }
  }
  return { findings, openQuoteAtStart };
}

function leadingIndex(text: string): number {
  const match = /^[\s\u3000]*/.exec(text);
  return match ? match[0].length : 0;
}

/**
 * Exactly two marks of one kind, both pointing the same way (“四个一“ or ”四个一”): the one in the
 * wrong direction is certain, so it comes with its fix.
 */
function sameDirectionPair(text: string, kind: PairKind): { at: number; replacement: string } | null {
  const marks: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if ((kind.open.includes(text[i]) || kind.close.includes(text[i])) && !isApostrophe(text, i)) marks.push(i);
    if (marks.length > 2) return null;
  }
  if (marks.length !== 2) return null;
  const [a, b] = marks;
  if (text[a] === kind.open && text[b] === kind.open) return { at: b, replacement: kind.close };
  if (text[a] === kind.close && text[b] === kind.close) return { at: a, replacement: kind.open };
  return null;
}
