/**
 * What the proofreader learns from one paragraph's text alone: the findings that do not depend on
 * the paragraph's place in the document, and the features the document pass needs. Computed once
 * per distinct text and cached, so a keystroke re-analyzes only the paragraph it changed.
 */
import { isDateLine, numberFindings } from './rules/numbers';
import { doubledPunctuation, enumerationCommas, halfWidthPunctuation, isChineseProse } from './rules/punctuation';
import { unbalancedPairs } from './rules/pairs';
import { repeatFindings } from './rules/repeats';
import { placeholderFindings } from './rules/placeholders';
import { numberMarker, shiMarkers, type NumberMarker, type ShiMarker } from './rules/sequences';
import { attachmentHead, docNumberFindings, isAttachmentContinuation } from './rules/fields';
import type { PhrasingRule, SensitiveRule } from './rules/dictionaries';
import type { LeaderRule } from './rules/leaders';
import { particleFindings } from './typos/particles';
import { positionFindings } from './typos/positions';
import type { TypoRule } from './typos/typoRule';
import type { Finding } from './types';

export interface ParagraphAnalysis {
  findings: Finding[];
  /** Starts with “ that it leaves open (a quotation that may continue in the next paragraph). */
  openQuoteAtStart: boolean;
  leadingQuote: boolean;
  /** Spaces before the first character. */
  indent: number;
  markers: ShiMarker[];
  number: NumberMarker | null;
  empty: boolean;
  length: number;
  /** Last non-space character and the one before it. */
  last: string;
  beforeLast: string;
  /** ，。；！？ somewhere before the last character. */
  innerPunct: boolean;
  /** 。！？ before the last character: a heading with one is run-in (heading and body in one paragraph). */
  terminator: boolean;
  prose: boolean;
  dateLine: boolean;
  attachmentHead: number;
  attachmentContinuation: boolean;
}

export interface DictionaryRules { phrasing: PhrasingRule; sensitive: SensitiveRule; leaders: LeaderRule; typos: TypoRule }

export function analyzeParagraph(text: string, rules: DictionaryRules): ParagraphAnalysis {
  const pairs = unbalancedPairs(text);
  const findings = [
    ...halfWidthPunctuation(text), ...pairs.findings, ...doubledPunctuation(text), ...enumerationCommas(text),
    ...numberFindings(text), ...repeatFindings(text), ...docNumberFindings(text),
    ...rules.phrasing.check(text), ...rules.sensitive.check(text), ...rules.leaders.check(text),
    ...rules.typos.check(text), ...particleFindings(text), ...positionFindings(text), ...placeholderFindings(text),
  ];
  const trimmed = text.trimEnd();
  const body = trimmed.slice(0, -1);
  return {
    findings,
    openQuoteAtStart: pairs.openQuoteAtStart,
    leadingQuote: /^[\s\u3000]*“/.test(text),
    indent: text.length - text.trimStart().length,
    markers: shiMarkers(text),
    number: numberMarker(text),
    empty: trimmed.trim() === '',
    length: trimmed.length,
    last: trimmed[trimmed.length - 1] ?? '',
    beforeLast: trimmed[trimmed.length - 2] ?? '',
    innerPunct: /[，。；！？]/.test(body),
    terminator: /[。！？]/.test(body),
    prose: isChineseProse(text),
    dateLine: isDateLine(text),
    attachmentHead: attachmentHead(text),
    attachmentContinuation: isAttachmentContinuation(text),
  };
}
