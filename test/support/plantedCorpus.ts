/**
 * The proofreader's evaluation corpus (test/fixtures/proofing): sentences with one planted error each,
 * written [wrong|right], and clean sentences. Recall is per planted group (a planted error counts as
 * found when a finding overlaps it and its first suggestion gives the correct sentence back); false
 * alarms are per rule group, over the clean sentences and the corrected planted ones.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding, Proofreader } from '../../src/core/proofing';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/proofing');

export interface Planted { group: string; text: string; correct: string; start: number; end: number }

const lines = (file: string): string[] => readFileSync(resolve(FIXTURES, file), 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

export function plantedSentences(): Planted[] {
  return lines('typo-planted.txt').map((line) => {
    const [group, marked] = line.split('\t');
    const m = /\[([^|\]]*)\|([^\]]*)\]/.exec(marked);
    if (!m) throw new Error(`no [wrong|right] in: ${line}`);
    const start = m.index;
    const text = marked.replace(m[0], m[1]);
    return { group, text, correct: marked.replace(m[0], m[2]), start, end: start + m[1].length };
  });
}

export const cleanSentences = (): string[] => lines('typo-clean.txt');

const ruleGroup = (f: Finding): string => (f.rule.startsWith('typo.') ? f.rule : f.rule.split('.')[0]);

export interface Evaluation {
  recall: Record<string, { found: number; total: number }>;
  /** Per rule group: clean sentences with at least one finding of that group. */
  falseAlarms: Record<string, { sentences: number; examples: string[] }>;
  clean: number;
  missed: string[];
}

export function evaluate(proofreader: Proofreader): Evaluation {
  const check = (text: string): Finding[] => proofreader.checkText(text, { titleFirst: false });
  const planted = plantedSentences();
  const recall: Evaluation['recall'] = {};
  const missed: string[] = [];
  for (const p of planted) {
    const r = (recall[p.group] ??= { found: 0, total: 0 });
    r.total += 1;
    const hit = check(p.text).some((f) => f.start < p.end && p.start < Math.max(f.end, f.start + 1)
      && p.text.slice(0, f.start) + (f.suggestions[0] ?? '\u0000') + p.text.slice(f.end) === p.correct);
    if (hit) r.found += 1;
    else missed.push(`${p.group} ${p.text}`);
  }
  const clean = [...cleanSentences(), ...planted.map((p) => p.correct)];
  const falseAlarms: Evaluation['falseAlarms'] = {};
  for (const text of clean) {
    for (const group of new Set(check(text).map(ruleGroup))) {
      const fa = (falseAlarms[group] ??= { sentences: 0, examples: [] });
      fa.sentences += 1;
      fa.examples.push(text);
    }
  }
  return { recall, falseAlarms, clean: clean.length, missed };
}
