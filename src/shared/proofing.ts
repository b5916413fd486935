/** The proofreading (审校) HTTP contract: proofread a text, the admin-managed lists, ignored findings, reports. */
import { z } from 'zod';
import type { Finding, LeaderEntry, PhrasingEntry, ProofVersions, SensitiveEntry, TypoEntry } from '../core/proofing/types';

export const proofreadRequest = z.object({ text: z.string().max(1_000_000) });
export interface ProofreadResponse { findings: Finding[] }

/** The 审校词表 lists' limits, for the schemas below and the admin page's drafts. */
export const PROOFING_LIST_LIMITS = {
  /** A word, name or title in a list (characters). */
  word: 100,
  /** A note beside an entry (characters). */
  note: 200,
  /** Entries of the phrasing, sensitive and typo lists. */
  entries: 20_000,
  /** People in the leaders list. */
  leaders: 2_000,
  /** Titles of one leader. */
  leaderTitles: 20,
  /** The highest rank of a leader. */
  rank: 10_000,
  /** The shortest wrong form of a typo (one character has no context to judge). */
  typoWrong: 2,
} as const;
const L = PROOFING_LIST_LIMITS;

const severity = z.enum(['error', 'warning', 'hint']);
const word = z.string().trim().min(1).max(L.word);
const note = z.string().max(L.note).optional();

/** The four admin-managed lists, by name in the URL. */
export const PROOFING_LISTS = ['phrasing', 'sensitive', 'leaders', 'typos'] as const;
export type ProofingListName = (typeof PROOFING_LISTS)[number];

export const listEntrySchemas = {
  phrasing: z.array(z.object({ wrong: word, right: z.string().trim().max(L.word), severity: severity.optional(), note })).max(L.entries),
  sensitive: z.array(z.object({ word, severity: severity.optional(), note })).max(L.entries),
  leaders: z.array(z.object({ name: word, titles: z.array(word).min(1).max(L.leaderTitles), rank: z.number().int().min(1).max(L.rank) })).max(L.leaders),
  /** 错误写法 → 正确写法; an empty 正确写法 makes the word an exception (never reported as a typo). */
  typos: z.array(z.object({ wrong: z.string().trim().min(L.typoWrong).max(L.word), right: z.string().trim().max(L.word), severity: severity.optional(), note })).max(L.entries),
} as const;

export interface ProofingLists { phrasing: PhrasingEntry[]; sensitive: SensitiveEntry[]; leaders: LeaderEntry[]; typos: TypoEntry[] }

/** What importing a spreadsheet into a list gives back: its rows as entries (not saved yet) and the rows left out. */
export interface ListImport<N extends ProofingListName = ProofingListName> {
  entries: ProofingLists[N];
  /** Rows read (the header row not counted). */
  rows: number;
  skipped: Array<{ row: number; reason: string }>;
}

/** Ignores one finding: the server recomputes its fingerprint from these parts. */
export const ignoreRequest = z.object({
  scope: z.string().regex(/^(body|title|property:.{1,40})$/),
  rule: z.string().min(1).max(60),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The text of the paragraph (or title, or property value) the offsets refer to. */
  text: z.string().max(200_000),
});

export interface IgnoredFinding {
  fingerprint: string;
  rule: string;
  scope: string;
  /** The ignored text itself, for the list. */
  excerpt: string;
  ignoredBy: string;
  ignoredByName: string;
  ignoredAt: string;
}

/** A proofreading run stored with a submit or sign transition. */
export interface ProofReport {
  checkedAt: string;
  /** Findings left (not ignored) by severity. */
  error: number;
  warning: number;
  hint: number;
  /** Findings skipped because someone ignored them. */
  ignored: number;
  /** The versions of the rules and lists the run used (absent in reports made before they were recorded). */
  versions?: ProofVersions;
}
