/**
 * A suggested deletion of text (修订) is a mark on the text nodes it covers, kept in their NodeState,
 * not an element around them. Wrapping would move the characters into the element, and Yjs cannot
 * move characters: the binding deletes them and inserts copies, so two writers marking or editing
 * the same words at once saw them twice, or saw deleted words come back. A mark changes only the
 * text nodes' properties, which collabTextRuns.ts re-partitions in place, like bold.
 *
 * Older bodies hold deletions as SuggestionNodes of kind 'delete'; every reader still understands
 * them, and line breaks and tabs (leaves, with no text to mark) are still wrapped that way.
 */
import {
  $getState, $isTextNode, $setState, createState, getRegisteredNode, type LexicalEditor, type LexicalNode, type TextNode,
} from 'lexical';
import { parseSuggestionMeta, type SuggestionMeta } from './types';

/** The NodeState key, as serialized under a text node's `$`. */
export const DELETION_KEY = 'deletion';

function sameMeta(a: SuggestionMeta | null, b: SuggestionMeta | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.authorId === b.authorId && a.authorName === b.authorName && a.at === b.at;
}

/** The deletion a text node is marked with; null (the default, not serialized) when none. */
export const deletionState = createState(DELETION_KEY, {
  parse: (value: unknown): SuggestionMeta | null => parseSuggestionMeta(value),
  unparse: (value: SuggestionMeta | null) => (value === null ? null : { ...value }),
  isEqual: sameMeta,
});

/**
 * Makes the deletion mark known to `editor` before any text arrives. Lexical learns a state's
 * parser only when the state is first read; until then a mark cleared on another client arrives
 * through Yjs as a raw `deletion: null`, which this editor would keep and serialize, so its JSON
 * would differ from the sender's. Call it on every editor bound to a Y.Doc, before binding.
 */
export function registerDeletionState(editor: LexicalEditor): void {
  getRegisteredNode(editor, 'text')?.sharedNodeState.sharedConfigMap.set(DELETION_KEY, deletionState);
}

/** The deletion `node` is marked with: null for anything but a plain text node, or when unmarked. */
export function $deletionOf(node: LexicalNode | null | undefined): SuggestionMeta | null {
  if (!$isTextNode(node) || node.getType() !== 'text') return null;
  return $getState(node, deletionState);
}

/** Marks `node` as deleted by the suggestion `meta`, or clears the mark (null). */
export function $setDeletion<T extends TextNode>(node: T, meta: SuggestionMeta | null): T {
  return $setState(node, deletionState, meta);
}

/** The deletion a serialized text node is marked with, or null. */
export function deletionOfJson(node: Readonly<Record<string, unknown>>): SuggestionMeta | null {
  // As $deletionOf: only a plain text node carries a mark (a tab's would be invisible and undecidable).
  if (node.type !== 'text' || typeof node.text !== 'string') return null;
  const state = node.$;
  if (typeof state !== 'object' || state === null) return null;
  return parseSuggestionMeta(Reflect.get(state, DELETION_KEY));
}

/** A serialized text node without its deletion mark (and without an empty `$`). */
export function withoutDeletionJson(node: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const { $: state, ...others } = node;
  if (typeof state !== 'object' || state === null || !(DELETION_KEY in state)) return node;
  const rest = Object.fromEntries(Object.entries(state).filter(([key]) => key !== DELETION_KEY));
  return Object.keys(rest).length > 0 ? { ...others, $: rest } : others;
}
