/** Helpers for the proofreader's unit tests: run a text, list the findings of one rule. */
import { Proofreader } from './proofreader';
import type { Finding, ProofingData } from './types';
import { EMPTY_DATA } from './types';

export interface Seen { rule: string; text: string; severity: Finding['severity']; suggestions: string[] }

/** Findings of rules starting with `rulePrefix` in `text` (plain text, title recognition off). */
export function findings(text: string, rulePrefix: string, data: ProofingData = EMPTY_DATA, titleFirst = false): Seen[] {
  return new Proofreader(data).checkText(text, { titleFirst })
    .filter((f) => f.rule.startsWith(rulePrefix))
    .map((f) => ({ rule: f.rule, text: text.slice(f.start, f.end), severity: f.severity, suggestions: f.suggestions }));
}

/** Texts of the findings of one rule. */
export const flagged = (text: string, rulePrefix: string, data?: ProofingData): string[] =>
  findings(text, rulePrefix, data).map((f) => f.text);
