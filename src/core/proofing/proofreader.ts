/**
 * The proofreader: per-paragraph analysis cached by text, then one cheap pass over the document for
 * what depends on place (roles, sequences, multi-paragraph quotations, 附件说明). Re-checking after a
 * keystroke analyzes one paragraph and walks the cached rest.
 */
import { analyzeParagraph, type DictionaryRules, type ParagraphAnalysis } from './analysis';
import { isDigit, isHan, SENTENCE_END } from './chars';
import { finding, shifted } from './finding';
import { paragraphRole, type ParagraphRole } from './roles';
import { PhrasingRule, SensitiveRule } from './rules/dictionaries';
import { attachmentItemFindings } from './rules/fields';
import { LeaderRule } from './rules/leaders';
import { dateLineFindings } from './rules/numbers';
import { numberForms, sequenceFindings } from './rules/sequences';
import { TypoRule } from './typos/typoRule';
import type { Finding, ParagraphInput, ProofingData, ProofVersions } from './types';
import { proofVersions } from './versions';

export interface CheckOptions {
  /** Plain text: the first non-empty paragraph may be the title (the editor has a title field). */
  titleFirst?: boolean;
}

/** One paragraph's findings in paragraph offsets, and the role it was read in. */
export interface ParagraphResult { role: ParagraphRole; findings: Finding[] }

// More specific rules win where two findings cover the same text (〔〕 over half-width parentheses).
const PRIORITY = ['field', 'sequence', 'leader', 'phrasing', 'typo', 'number', 'repeat', 'punctuation', 'sensitive'];

/** Drops a finding inside the range of a more specific one (or a copy of one), in text order. */
function dedupe(findings: readonly Finding[]): Finding[] {
  if (findings.length < 2) return [...findings];
  // Group and priority once per finding, not once per comparison.
  const ranked = findings.map((f) => {
    const group = f.rule.slice(0, (f.rule.indexOf('.') + 1 || f.rule.length + 1) - 1);
    const index = PRIORITY.indexOf(group);
    return { f, group, priority: index < 0 ? PRIORITY.length : index };
  }).sort((a, b) => a.priority - b.priority);
  const kept: typeof ranked = [];
  for (const r of ranked) {
    const { f } = r;
    const covered = kept.some(({ f: g, group }) => g.start <= f.start && f.end <= g.end
      && (group !== r.group || (g.start === f.start && g.end === f.end)));
    if (!covered) kept.push(r);
  }
  return kept.map((r) => r.f).sort((a, b) => a.start - b.start || a.end - b.end);
}

export class Proofreader {
  private readonly rules: DictionaryRules;
  private cache = new Map<string, ParagraphAnalysis>();
  /** The rules' version and the content hash of each list this proofreader checks against. */
  readonly versions: ProofVersions;

  constructor(data: ProofingData) {
    this.versions = proofVersions(data);
    this.rules = {
      phrasing: new PhrasingRule(data.phrasing),
      sensitive: new SensitiveRule(data.sensitive),
      leaders: new LeaderRule(data.leaders),
      typos: new TypoRule(data.typos),
    };
  }

  private analysis(text: string): ParagraphAnalysis {
    let found = this.cache.get(text);
    if (!found) {
      found = analyzeParagraph(text, this.rules);
      this.cache.set(text, found);
    }
    return found;
  }

  /** Findings per paragraph, in offsets of each paragraph's text. */
  checkParagraphs(inputs: readonly ParagraphInput[], options: CheckOptions = {}): ParagraphResult[] {
    const analyses = inputs.map((input) => this.analysis(input.text));
    this.evict(inputs);
    const roles: ParagraphRole[] = [];
    let seenText = false;
    let lastText = analyses.length - 1;
    while (lastText >= 0 && analyses[lastText].empty) lastText -= 1;
    for (let i = 0; i < inputs.length; i += 1) {
      roles.push(paragraphRole(inputs[i], analyses[i], {
        titleFirst: options.titleFirst ?? false, isFirstNonEmpty: !seenText, moreFollows: i < lastText, previousRole: roles[i - 1] ?? null,
      }));
      if (!analyses[i].empty) seenText = true;
    }
    const sequences = sequenceFindings(analyses.map((a, i) => ({
      markers: a.markers,
      number: a.number,
      numbered: !['item', 'attachmentHead', 'attachment', 'title', 'date'].includes(roles[i]),
      resets: roles[i] === 'heading' || roles[i] === 'title' || a.number !== null,
    })));
    return inputs.map((input, i) => {
      const a = analyses[i];
      const role = roles[i];
      const placed = this.placeFindings(input.text, a, role, roles, i);
      return { role, findings: dedupe([...this.keptFindings(a, analyses, i), ...placed, ...sequences[i]]) };
    });
  }

  /** Findings over a plain text (paragraphs separated by newlines), in offsets of the whole text. */
  checkText(text: string, options: CheckOptions = { titleFirst: true }): Finding[] {
    const lines: ParagraphInput[] = [];
    const offsets: number[] = [];
    let at = 0;
    for (const raw of text.split('\n')) {
      offsets.push(at);
      lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
      at += raw.length + 1;
    }
    return this.checkParagraphs(lines, options).flatMap((r, i) => r.findings.map((f) => shifted(f, offsets[i])));
  }

  /** A quotation over several paragraphs opens each with “ and closes only the last: not an error. */
  private keptFindings(a: ParagraphAnalysis, analyses: readonly ParagraphAnalysis[], i: number): Finding[] {
    if (!a.openQuoteAtStart) return a.findings;
    let next = i + 1;
    while (next < analyses.length && analyses[next].empty) next += 1;
    if (next >= analyses.length || !analyses[next].leadingQuote) return a.findings;
    return a.findings.filter((f) => !(f.rule === 'punctuation.unpaired' && f.start === a.indent));
  }

  private placeFindings(text: string, a: ParagraphAnalysis, role: ParagraphRole, roles: readonly ParagraphRole[], i: number): Finding[] {
    switch (role) {
      case 'body':
        return [...numberForms(text), ...endStop(text, a)];
      case 'heading':
      case 'line':
      case 'lead':
        return numberForms(text);
      case 'title': {
        const end = text.trimEnd().length;
        return a.last === '。' || a.last === '.'
          ? [finding(end - 1, end, 'punctuation.endStop', 'warning', '标题末尾不用句号', [''])]
          : [];
      }
      case 'date':
        return dateLineFindings(text);
      case 'attachmentHead':
      case 'attachment': {
        let count = 0;
        for (let k = i - (role === 'attachment' ? 1 : 0); k >= 0 && (roles[k] === 'attachment' || roles[k] === 'attachmentHead'); k -= 1) {
          count += 1;
          if (roles[k] === 'attachmentHead') break;
        }
        for (let k = i + 1; k < roles.length && roles[k] === 'attachment'; k += 1) count += 1;
        const from = role === 'attachmentHead' ? a.attachmentHead : 0;
        return attachmentItemFindings(text, from, count === 1 && role === 'attachmentHead');
      }
      default:
        return [];
    }
  }

  /** Keeps the cache to about the live paragraphs, so a long session does not grow it without end. */
  private evict(inputs: readonly ParagraphInput[]): void {
    if (this.cache.size <= inputs.length * 2 + 256) return;
    const live = new Map<string, ParagraphAnalysis>();
    for (const { text } of inputs) {
      const a = this.cache.get(text);
      if (a) live.set(text, a);
    }
    this.cache = live;
  }
}

/** A body paragraph of Chinese prose ends with a full stop (or ！ ？ …, or ；： in a list). */
function endStop(text: string, a: ParagraphAnalysis): Finding[] {
  const end = text.trimEnd().length;
  const { last, beforeLast } = a;
  if (SENTENCE_END.includes(last) || '；：;'.includes(last) || !a.prose) return [];
  if ('，、'.includes(last)) {
    return [finding(end - 1, end, 'punctuation.endStop', 'warning', `段末不应使用“${last}”`, ['。'])];
  }
  if ('”’》'.includes(last)) {
    if (SENTENCE_END.includes(beforeLast) || !a.innerPunct) return [];
    return [finding(end - 1, end, 'punctuation.endStop', 'warning', '段末缺少句号', [`${last}。`])];
  }
  if (isHan(last) || isDigit(last) || last === '%') {
    return [finding(end - 1, end, 'punctuation.endStop', 'error', '段末缺少句号', [`${last}。`])];
  }
  return [];
}
