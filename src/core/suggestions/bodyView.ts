/**
 * Views of a body with pending suggestions, on serialized Lexical JSON, for the body model:
 * - `original`: every pending suggestion unapplied (inserted text left out, deleted text kept,
 *   suggested paragraph splits joined back, former levels) — what an approval vouches for and a
 *   clean export prints;
 * - `applied`: every pending suggestion applied;
 * - `marked`: all text, each piece tagged with the suggestion it belongs to and paragraphs keeping
 *   their paragraph suggestions, for an export with Word revisions.
 * A paragraph whose start mark is removed in a view joins the paragraph before it and keeps that
 * one's level and alignment, as Backspace does.
 */
import {
  PARAGRAPH_SUGGESTION_KEYS, paragraphSuggestionsOf, parseSuggestionMeta,
  type InlineSuggestionKind, type ParagraphSuggestions, type SuggestionMeta,
} from './types';
import { deletionOfJson, withoutDeletionJson } from './deletionMark';

export type SuggestionView = 'original' | 'applied' | 'marked';

/** The suggestion a run of the marked view belongs to. */
export interface RunSuggestion extends SuggestionMeta { kind: InlineSuggestionKind }

type JsonRecord = Readonly<Record<string, unknown>>;

/** The key under which the marked view tags a text node with its RunSuggestion. */
const RUN_KEY = 'suggestion';

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The inline suggestion a node is: a suggestion element, or text marked deleted. */
function inlineSuggestionOf(node: JsonRecord): RunSuggestion | null {
  const deletion = deletionOfJson(node);
  if (deletion) return { ...deletion, kind: 'delete' };
  if (node.type !== 'suggestion') return null;
  const meta = parseSuggestionMeta(node);
  return meta ? { ...meta, kind: node.kind === 'delete' ? 'delete' : 'insert' } : null;
}

/** The RunSuggestion the marked view put on a text node, if any. */
export function runSuggestionOf(node: JsonRecord): RunSuggestion | undefined {
  const value = node[RUN_KEY];
  if (!isRecord(value)) return undefined;
  const meta = parseSuggestionMeta(value);
  return meta && (value.kind === 'insert' || value.kind === 'delete') ? { ...meta, kind: value.kind } : undefined;
}

/** Whether two runs belong to the same suggestion (or both to none). */
export function sameRunSuggestion(a: RunSuggestion | undefined, b: RunSuggestion | undefined): boolean {
  return a?.id === b?.id && a?.kind === b?.kind;
}

/** The paragraph suggestions the marked view keeps on a paragraph, when it has any. */
export function markedParagraphSuggestions(node: JsonRecord): ParagraphSuggestions | undefined {
  const suggestions = paragraphSuggestionsOf(node);
  return suggestions.split || suggestions.join || suggestions.level ? suggestions : undefined;
}

function hasSuggestions(node: JsonRecord): boolean {
  if (node.type === 'suggestion' || deletionOfJson(node)) return true;
  if (Object.values(PARAGRAPH_SUGGESTION_KEYS).some((key) => node[key] !== undefined)) return true;
  const children = node.children;
  return Array.isArray(children) && children.some((child) => isRecord(child) && hasSuggestions(child));
}

/** Tags the runs of `node` with `suggestion`, except runs already tagged (a suggestion nested in it). */
function tagged(node: JsonRecord, suggestion: RunSuggestion): JsonRecord {
  if (node[RUN_KEY] !== undefined) return node;
  if (typeof node.text === 'string' || node.type === 'linebreak' || node.type === 'tab') return { ...node, [RUN_KEY]: suggestion };
  const children = node.children;
  return Array.isArray(children) ? { ...node, children: children.filter(isRecord).map((child) => tagged(child, suggestion)) } : node;
}

/** Whether this paragraph's start mark is absent in the view, so it joins the paragraph before. */
function joinsPrevious(node: JsonRecord, view: SuggestionView): boolean {
  if (view === 'marked') return false;
  const suggestions = paragraphSuggestionsOf(node);
  return view === 'original' ? suggestions.split !== null : suggestions.join !== null;
}

function withoutParagraphSuggestions(node: JsonRecord, view: SuggestionView): JsonRecord {
  if (view === 'marked') return node;
  const { suggestedSplit: _split, suggestedJoin: _join, suggestedLevel: _level, ...rest } = node;
  const level = paragraphSuggestionsOf(node).level;
  return view === 'original' && level ? { ...rest, level: level.from } : rest;
}

function viewOf(node: JsonRecord, view: SuggestionView): JsonRecord[] {
  const suggestion = inlineSuggestionOf(node);
  if (suggestion) {
    const dropped = (view === 'original' && suggestion.kind === 'insert') || (view === 'applied' && suggestion.kind === 'delete');
    if (dropped) return [];
    const inner = node.type === 'suggestion' ? viewChildren(node, view) : [withoutDeletionJson(node)];
    return view === 'marked' ? inner.map((child) => tagged(child, suggestion)) : inner;
  }
  if (!Array.isArray(node.children)) return [node];
  return [{ ...withoutParagraphSuggestions(node, view), children: viewChildren(node, view) }];
}

function viewChildren(node: JsonRecord, view: SuggestionView): JsonRecord[] {
  const out: JsonRecord[] = [];
  const children = Array.isArray(node.children) ? node.children.filter(isRecord) : [];
  for (const child of children) {
    const previous = out.at(-1);
    const [viewed, ...more] = viewOf(child, view);
    if (viewed && joinsPrevious(child, view) && previous && Array.isArray(previous.children) && Array.isArray(viewed.children)) {
      out[out.length - 1] = { ...previous, children: [...previous.children, ...viewed.children] };
    } else if (viewed) {
      out.push(viewed);
    }
    out.push(...more);
  }
  return out;
}

/**
 * The body root (`{children}` of a serialized root) as seen in `view`. A body without any
 * suggestion is returned as it is, so reading it costs nothing more than before.
 */
export function viewBodyRoot(root: JsonRecord, view: SuggestionView): JsonRecord {
  if (!hasSuggestions(root)) return root;
  return { ...root, children: viewChildren(root, view) };
}
