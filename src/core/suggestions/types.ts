/**
 * The vocabulary of suggestions (修订): who made a change and when. Text changes live in
 * SuggestionNodes, paragraph-mark and level changes in properties of the paragraph they concern.
 */

/** Who suggests: the user id the server knows and the name shown on the mark. */
export interface SuggestionAuthor { id: string; name: string }

/** One suggestion's identity: its id, its author and when it was made (ISO 8601). */
export interface SuggestionMeta { id: string; authorId: string; authorName: string; at: string }

/** A suggested structure level change; `from` is the level the original text has. */
export interface LevelSuggestion extends SuggestionMeta { from: 0 | 1 | 2 | 3 | 4 }

/** Inline kinds wrap text; paragraph kinds concern a paragraph's start mark or its level. */
export type InlineSuggestionKind = 'insert' | 'delete';
export type SuggestionKind = InlineSuggestionKind | 'split' | 'join' | 'level';

/** The kind of a change as the 审阅 pane and the 审核记录 name it. */
export const SUGGESTION_KIND_NAMES: Readonly<Record<SuggestionKind, string>> = {
  insert: '插入', delete: '删除', split: '分段', join: '合并段落', level: '更改层级',
};

/**
 * The suggestions a paragraph carries. `split`: its start is an inserted paragraph mark (the
 * original text runs on from the previous paragraph); `join`: its start mark is deleted (accepting
 * joins it to the previous paragraph); `level`: its level was changed from `level.from`.
 */
export interface ParagraphSuggestions {
  split: SuggestionMeta | null;
  join: SuggestionMeta | null;
  level: LevelSuggestion | null;
}

/** The JSON keys of ParagraphSuggestions on a serialized paragraph; absent means none. */
export const PARAGRAPH_SUGGESTION_KEYS = {
  split: 'suggestedSplit',
  join: 'suggestedJoin',
  level: 'suggestedLevel',
} as const;

/** The meta of a new suggestion by `author` at `at`, with a fresh id. */
export function newSuggestionMeta(author: SuggestionAuthor, at: Date = new Date()): SuggestionMeta {
  return { id: newSuggestionId(), authorId: author.id, authorName: author.name, at: at.toISOString() };
}

let counter = 0;

/** An id unique across clients: random part plus a per-process counter. */
export function newSuggestionId(): string {
  counter += 1;
  return `s${Math.random().toString(36).slice(2, 10)}${counter.toString(36)}`;
}

/** Reads a SuggestionMeta out of unknown JSON, or null when any field is missing. */
export function parseSuggestionMeta(value: unknown): SuggestionMeta | null {
  if (typeof value !== 'object' || value === null) return null;
  const id: unknown = Reflect.get(value, 'id');
  const authorId: unknown = Reflect.get(value, 'authorId');
  const authorName: unknown = Reflect.get(value, 'authorName');
  const at: unknown = Reflect.get(value, 'at');
  if (typeof id !== 'string' || typeof authorId !== 'string' || typeof authorName !== 'string' || typeof at !== 'string') return null;
  return { id, authorId, authorName, at };
}

/** Reads a LevelSuggestion out of unknown JSON, or null. */
export function parseLevelSuggestion(value: unknown): LevelSuggestion | null {
  const meta = parseSuggestionMeta(value);
  if (!meta || typeof value !== 'object' || value === null) return null;
  const from: unknown = Reflect.get(value, 'from');
  return from === 0 || from === 1 || from === 2 || from === 3 || from === 4 ? { ...meta, from } : null;
}

/** Reads the paragraph suggestions of a serialized paragraph. */
export function paragraphSuggestionsOf(json: Readonly<Record<string, unknown>>): ParagraphSuggestions {
  return {
    split: parseSuggestionMeta(json[PARAGRAPH_SUGGESTION_KEYS.split]),
    join: parseSuggestionMeta(json[PARAGRAPH_SUGGESTION_KEYS.join]),
    level: parseLevelSuggestion(json[PARAGRAPH_SUGGESTION_KEYS.level]),
  };
}

/** The hover title of a mark: "author · time" (time as YYYY-MM-DD HH:MM, UTC as stored). */
export function suggestionTitle(meta: SuggestionMeta): string {
  return `${meta.authorName} · ${meta.at.slice(0, 16).replace('T', ' ')}`;
}
