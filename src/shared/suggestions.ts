/** The 修订 (suggestions) HTTP contract: the pending suggestions of a piece, and accepting or rejecting them. */
import { z } from 'zod';

/** What every suggestion says of itself: its kind, whose it is, when it was made and what it changes. */
export interface SuggestionFacts {
  id: string;
  kind: 'insert' | 'delete' | 'split' | 'join' | 'level';
  authorId: string;
  authorName: string;
  /** When it was made (ISO 8601). */
  at: string;
  /** What it inserts or deletes ('' for paragraph marks and levels). */
  text: string;
}

/** One pending suggestion, in document order. */
export interface SuggestionItem extends SuggestionFacts {
  /** The index of the top-level block (paragraph, list, table) it stands in. */
  paragraphIndex: number;
}

/** `GET /api/documents/:id/suggestions`. */
export interface SuggestionsResponse { suggestions: SuggestionItem[] }

/** How many suggestions are pending and whose, for the workflow header. */
export interface PendingSuggestions {
  count: number;
  authors: Array<{ id: string; name: string; count: number }>;
}

/**
 * `POST /api/documents/:id/suggestions/accept` and `/reject`: the suggestions by id, every one of an
 * author, or all; exactly one of the three.
 */
export const resolveSuggestionsRequest = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1).max(1000).optional(),
  authorId: z.string().min(1).max(64).optional(),
  all: z.literal(true).optional(),
}).refine((body) => [body.ids, body.authorId, body.all].filter((v) => v !== undefined).length === 1, {
  message: '请指定要处理的修订：编号、作者或全部（三者选一）',
});
export type ResolveSuggestionsRequest = z.infer<typeof resolveSuggestionsRequest>;

/** What an accept or reject did: how many suggestions it resolved, and how many are still pending. */
export interface ResolveSuggestionsResponse { resolved: number; pending: number }

/** Sums suggestions up by author, in the order each author first appears. */
export function pendingSummary(items: readonly Pick<SuggestionItem, 'id' | 'authorId' | 'authorName'>[]): PendingSuggestions {
  const authors = new Map<string, { id: string; name: string; ids: Set<string> }>();
  for (const item of items) {
    const author = authors.get(item.authorId) ?? { id: item.authorId, name: item.authorName, ids: new Set<string>() };
    author.ids.add(item.id);
    authors.set(item.authorId, author);
  }
  const list = [...authors.values()].map(({ id, name, ids }) => ({ id, name, count: ids.size }));
  return { count: list.reduce((sum, a) => sum + a.count, 0), authors: list };
}
