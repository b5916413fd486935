/** The proofreader's contract: findings, severities, and the admin-managed data it reads. */

/** 错误 error (blocks submit and sign until fixed or ignored), 警告 warning, 提示 hint. */
export type Severity = 'error' | 'warning' | 'hint';

export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', hint: '提示' };

/** The nine rule groups of the proofreader; a rule id is `<group>.<name>`. */
export const RULE_GROUPS = ['typo', 'punctuation', 'sequence', 'number', 'repeat', 'phrasing', 'sensitive', 'leader', 'field'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

export const RULE_GROUP_NAMES: Readonly<Record<RuleGroup, string>> = {
  typo: '错别字', punctuation: '标点', sequence: '序号', number: '数字与日期', repeat: '重复字词',
  phrasing: '规范表述', sensitive: '敏感词', leader: '领导姓名职务', field: '公文要素',
};

/**
 * One finding: the range [start, end) in UTF-16 code units of the text it was found in, and
 * replacements for exactly that range, offered only where the fix is certain.
 */
export interface Finding {
  start: number;
  end: number;
  rule: string;
  severity: Severity;
  /** Chinese, for the writer. */
  message: string;
  suggestions: string[];
}

/** A non-standard phrasing and its standard form (规范表述). */
export interface PhrasingEntry { wrong: string; right: string; severity?: Severity; note?: string }

/**
 * A typo the office adds to the shipped 错别字 dictionary: the wrong form and its correct form. An
 * entry without a correct form is an exception: a correct word (a place name, a term of the office)
 * near which no typo is reported.
 */
export interface TypoEntry { wrong: string; right: string; severity?: Severity; note?: string }

/** A word the office wants every writer to look at twice. */
export interface SensitiveEntry { word: string; severity?: Severity; note?: string }

/** A leader: the name, every title they may be given (full and short forms), and their rank (1 first). */
export interface LeaderEntry { name: string; titles: string[]; rank: number }

/** The admin-managed data: 规范表述, sensitive words, the roster and the office's own 错别字. */
export interface ProofingData {
  phrasing: readonly PhrasingEntry[];
  sensitive: readonly SensitiveEntry[];
  leaders: readonly LeaderEntry[];
  /** Added to the shipped 错别字 dictionary (absent: none). */
  typos?: readonly TypoEntry[];
}

export const EMPTY_DATA: ProofingData = { phrasing: [], sensitive: [], leaders: [] };

/**
 * How a paragraph is used, when the caller knows it (the editor does); plain text leaves it to the
 * proofreader, which recognizes titles, headings, 主送机关, 署名 and date lines itself.
 */
export interface ParagraphInput {
  text: string;
  /** Structure level from the editor: 0 body text, 1–4 headings. */
  level?: number;
  /** List items and table cells take no full stop and do not number; a title field is a title. */
  kind?: 'paragraph' | 'listItem' | 'cell' | 'title';
}

/**
 * What a proofreading run was made with, for the record the gate stores: the engine's rules version
 * and a content hash of each list (the office's lists as they stood, and the shipped 错别字 dictionary).
 */
export interface ProofVersions {
  engine: string;
  /** The shipped 错别字 dictionary (typos/lexicon.ts). */
  dictionary: string;
  phrasing: string;
  sensitive: string;
  leaders: string;
  typos: string;
}
