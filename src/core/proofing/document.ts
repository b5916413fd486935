/**
 * Proofreading a whole piece as the gate and the editor see it: the title, the properties (发文字号,
 * 成文日期, 主送机关, 附件 …) and the body paragraphs. Every finding carries its scope and paragraph
 * text, which make its fingerprint for ignoring.
 */
import { findingFingerprint, type ProofScope } from './fingerprint';
import { finding } from './finding';
import type { CheckOptions, Proofreader } from './proofreader';
import { attachmentItemFindings } from './rules/fields';
import { isStandardDocNumber } from '../domain/docNumber';
import type { Finding, ParagraphInput, Severity } from './types';

export interface DocumentProofInput {
  title: string;
  properties: Readonly<Record<string, string | readonly string[]>>;
  paragraphs: readonly ParagraphInput[];
}

/** A finding with where it is: scope, paragraph index (body) and the text its offsets refer to. */
export interface PlacedFinding extends Finding {
  scope: ProofScope;
  /** Body paragraph index; 0 for the title and properties (an array property: the item's index). */
  paragraph: number;
  text: string;
  fingerprint: string;
}

const DATE_FIELDS = ['成文日期', '印发日期', '日期'];

function propertyFindings(key: string, value: string): Finding[] {
  const text = value.trim();
  if (!text) return [];
  if (key === '发文字号' && !isStandardDocNumber(text) && !/[〔[［(（【]/.test(text)) {
    return [finding(0, value.length, 'field.docNumber', 'warning', '发文字号应写作“机关代字〔年份〕序号号”，如“沂新办发〔2023〕12号”')];
  }
  if (DATE_FIELDS.includes(key) && !/^\d{4}年[1-9]\d?月[1-9]\d?日$/.test(text) && !/\d{4}年\d{1,2}月\d{1,2}日/.test(text)
    && !/^[〇零一二三四五六七八九]{4}年/.test(text)) {
    return [finding(0, value.length, 'number.date', 'warning', `${key}应写作“2023年9月10日”的形式`)];
  }
  if (key === '主送机关' && !/[：:]$/.test(text)) {
    return [finding(value.length, value.length, 'punctuation.endStop', 'warning', '主送机关末尾应使用全角冒号“：”', ['：'])];
  }
  return [];
}

/** Proofreads title, properties and body; offsets refer to each finding's own `text`. */
export function proofreadDocument(proofreader: Proofreader, input: DocumentProofInput, options: CheckOptions = {}): PlacedFinding[] {
  const placed: PlacedFinding[] = [];
  const place = (scope: ProofScope, paragraph: number, text: string, findings: readonly Finding[]): void => {
    for (const f of findings) {
      placed.push({ ...f, scope, paragraph, text, fingerprint: findingFingerprint({ scope, rule: f.rule, start: f.start, end: f.end, text }) });
    }
  };
  if (input.title.trim()) {
    const [title] = proofreader.checkParagraphs([{ text: input.title, kind: 'title' }]);
    place('title', 0, input.title, title.findings);
  }
  for (const key of Object.keys(input.properties).sort()) {
    const value = input.properties[key];
    const items = typeof value === 'string' ? [value] : value;
    items.forEach((item, index) => {
      const [generic] = proofreader.checkParagraphs([{ text: item, kind: 'cell' }]);
      const specific = key === '附件' ? attachmentItemFindings(item, 0, items.length === 1) : propertyFindings(key, item);
      place(`property:${key}`, index, item, [...specific, ...generic.findings.filter((g) => !specific.some((s) => s.start <= g.start && g.end <= s.end))]);
    });
  }
  proofreader.checkParagraphs(input.paragraphs, options).forEach((result, i) => place('body', i, input.paragraphs[i].text, result.findings));
  return placed;
}

/** Counts of a run, stored with a transition and shown in its history. */
export interface ProofCounts { error: number; warning: number; hint: number }

export function countBySeverity(findings: ReadonlyArray<{ severity: Severity }>): ProofCounts {
  const counts: ProofCounts = { error: 0, warning: 0, hint: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
