/**
 * The HTTP contract of search inside pieces (`GET /api/search`): the query, validated on the server
 * with this schema, and the answer.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../core/domain/kinds';
import { STATE_NAMES, WORKFLOW_STATES } from '../core/domain/workflow';
import type { MarkedText } from '../core/text/searchSnippet';
import type { DocumentSummary } from './api';

export type { MarkedText } from '../core/text/searchSnippet';

/** Results in one answer at most; `more` says there were others (narrow the query or the filters). */
export const SEARCH_LIMIT = 50;

export const searchQuery = z.object({
  q: z.string().max(200),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  // The field `state` is labelled for offline edits elsewhere: this one says its own name.
  state: z.enum(WORKFLOW_STATES, { error: `状态只能是${WORKFLOW_STATES.map((s) => STATE_NAMES[s]).join('、')}之一` }).optional(),
  /** A user id: pieces they own or write with others. */
  writer: z.string().max(64).optional(),
  /** The year (Shanghai time) the piece was created. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  target: z.string().max(64).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** One piece found: its summary, its title with the terms marked, and the matching sentence of its body. */
export interface SearchResult extends DocumentSummary {
  titleMatch: MarkedText;
  /** The first body sentence holding a term, marked; null when only the title matched. */
  sentence: MarkedText | null;
}

export interface SearchAnswer {
  results: SearchResult[];
  /** More pieces matched than SEARCH_LIMIT. */
  more: boolean;
  /** What was searched, when less than everything: e.g. a single character searches titles only. */
  note: string | null;
}
