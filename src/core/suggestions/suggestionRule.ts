/**
 * The server's rule for a body edit while a piece is in review (修订 part 5), as a pure function on
 * serialized editor states: the holder may add suggestions of their own and accept or reject
 * pending ones, and nothing else.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { bodyBlocksFromLexical } from '../body/bodyModel';
import { DESK_NODES } from '../editor/nodes';
import { $acceptSuggestion, $rejectSuggestion } from './operations';
import { deletionOfJson } from './deletionMark';
import { PARAGRAPH_SUGGESTION_KEYS, parseSuggestionMeta, type SuggestionKind, type SuggestionMeta } from './types';

/** Why an update is refused. */
export type SuggestionRefusal = 'direct-edit' | 'forged-author' | 'altered-suggestion' | 'too-many-resolved' | 'unreadable';

/**
 * A suggestion an allowed update accepted or rejected: what it was, whose, and the decision. A
 * holder removing their own insertion is withdrawing it, not deciding on it, and is not listed.
 */
export interface SuggestionDecision {
  id: string;
  kind: SuggestionKind;
  authorId: string;
  authorName: string;
  at: string;
  text: string;
  accepted: boolean;
}

/** The verdict on one update; an allowed one lists the suggestions it decided. */
export type SuggestionVerdict = { allowed: true; decided: SuggestionDecision[] } | { allowed: false; reason: SuggestionRefusal };

interface Found extends SuggestionMeta { kind: SuggestionKind; text: string }

/** Above this many suggestions resolved in one update of mixed accepts and rejects, it is refused. */
const MAX_MIXED = 10;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a node, without the text of suggestion elements nested in it (theirs, not its). */
function textOf(node: Readonly<Record<string, unknown>>): string {
  if (typeof node.text === 'string') return node.text;
  const children = Array.isArray(node.children) ? node.children.filter(isRecord) : [];
  return children.filter((child) => child.type !== 'suggestion').map(textOf).join('');
}

/** Every suggestion of a serialized state by id (pieces of one id: text joined). */
function suggestionsOf(json: unknown): Map<string, Found> {
  const found = new Map<string, Found>();
  const add = (meta: SuggestionMeta | null, kind: SuggestionKind, text: string): void => {
    if (!meta) return;
    const known = found.get(`${kind}:${meta.id}`);
    if (known) known.text += text;
    else found.set(`${kind}:${meta.id}`, { ...meta, kind, text });
  };
  const walk = (node: Readonly<Record<string, unknown>>): void => {
    if (node.type === 'suggestion') add(parseSuggestionMeta(node), node.kind === 'delete' ? 'delete' : 'insert', textOf(node));
    add(deletionOfJson(node), 'delete', textOf(node));
    add(parseSuggestionMeta(node[PARAGRAPH_SUGGESTION_KEYS.split]), 'split', '');
    add(parseSuggestionMeta(node[PARAGRAPH_SUGGESTION_KEYS.join]), 'join', '');
    add(parseSuggestionMeta(node[PARAGRAPH_SUGGESTION_KEYS.level]), 'level', '');
    if (Array.isArray(node.children)) for (const child of node.children) if (isRecord(child)) walk(child);
  };
  const root = isRecord(json) && isRecord(json.root) ? json.root : json;
  if (isRecord(root)) walk(root);
  return found;
}

function isSubsequence(part: string, whole: string): boolean {
  const chars = [...whole];
  let i = 0;
  for (const ch of part) {
    while (i < chars.length && chars[i] !== ch) i += 1;
    if (i === chars.length) return false;
    i += 1;
  }
  return true;
}

function originalOf(json: unknown): string {
  return JSON.stringify(bodyBlocksFromLexical(json));
}

/** `before` with the suggestions `accepted` accepted and `rejected` rejected, headlessly. */
function resolved(before: unknown, accepted: readonly string[], rejected: readonly string[]): unknown {
  const editor = createHeadlessEditor({ nodes: [...DESK_NODES], onError: (error) => { throw error; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(before)));
  editor.update(() => {
    for (const id of accepted) $acceptSuggestion(id);
    for (const id of rejected) $rejectSuggestion(id);
  }, { discrete: true });
  return editor.getEditorState().toJSON();
}

/** The decisions on the suggestions gone from `was`, one per id, without the holder's withdrawals. */
function decisions(was: Map<string, Found>, accepted: ReadonlySet<string>, rejected: readonly string[], holder: { id: string }): SuggestionDecision[] {
  const byId = new Map<string, SuggestionDecision>();
  for (const entry of was.values()) {
    const decided = accepted.has(entry.id) || rejected.includes(entry.id);
    if (!decided) continue;
    const known = byId.get(entry.id);
    if (known) { known.text += entry.text; continue; }
    const { id, kind, authorId, authorName, at, text } = entry;
    byId.set(id, { id, kind, authorId, authorName, at, text, accepted: accepted.has(id) });
  }
  return [...byId.values()].filter((d) => d.accepted || d.authorId !== holder.id);
}

/**
 * Judges an update of the body from `before` to `after` (serialized editor states) by `holder`:
 * allowed when the original view (every pending suggestion unapplied) is unchanged except by
 * accepting or rejecting suggestions that are gone in `after`, every new suggestion is the
 * holder's, and no other author's suggestion changed its author, kind or time or gained text
 * (losing text is removing part of an insertion, which is rejecting that part).
 */
export function judgeSuggestionUpdate(before: unknown, after: unknown, holder: { id: string }): SuggestionVerdict {
  if (!isRecord(before) || !isRecord(after)) return { allowed: false, reason: 'unreadable' };
  const was = suggestionsOf(before);
  const is = suggestionsOf(after);
  for (const [key, now] of is) {
    const old = was.get(key);
    if (!old) {
      if (now.authorId !== holder.id) return { allowed: false, reason: 'forged-author' };
      continue;
    }
    if (old.authorId !== now.authorId || old.authorName !== now.authorName || old.at !== now.at) {
      return { allowed: false, reason: 'altered-suggestion' };
    }
    if (old.authorId !== holder.id && now.text !== old.text && !(now.kind === 'insert' && isSubsequence(now.text, old.text))) {
      return { allowed: false, reason: 'altered-suggestion' };
    }
  }
  const gone = [...new Set([...was.entries()].filter(([key]) => !is.has(key)).map(([, entry]) => entry.id))];
  const target = originalOf(after);
  const tries: boolean[][] = [gone.map(() => false), gone.map(() => true)];
  if (gone.length <= MAX_MIXED) {
    for (let mask = 1; mask < 2 ** gone.length - 1; mask += 1) tries.push(gone.map((_, i) => (mask & (1 << i)) !== 0));
  }
  for (const choice of tries) {
    const accepted = gone.filter((_, i) => choice[i]);
    const rejected = gone.filter((_, i) => !choice[i]);
    const base = gone.length === 0 ? before : resolved(before, accepted, rejected);
    if (originalOf(base) === target) return { allowed: true, decided: decisions(was, new Set(accepted), rejected, holder) };
  }
  return { allowed: false, reason: gone.length > MAX_MIXED ? 'too-many-resolved' : 'direct-edit' };
}
