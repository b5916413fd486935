/**
 * Operations on the pending suggestions of a body, as $-functions: run them inside `editor.update`,
 * where each is one ordinary (and so undoable, and synced) edit. Tag the update 'history-push' so
 * that an accept or reject is an undo step of its own, however soon after typing it comes.
 */
import { $getRoot, $isElementNode, $isTextNode, type ElementNode, type LexicalNode, type TextNode } from 'lexical';
import { $isDeskParagraphNode, type DeskParagraphNode } from '../editor/DeskParagraphNode';
import { $isSuggestionNode, type SuggestionNode } from './SuggestionNode';
import { $deletionOf, $setDeletion } from './deletionMark';
import type { SuggestionKind, SuggestionMeta } from './types';

/** A pending suggestion as the 审阅 pane lists it; `text` is what it inserts or deletes ('' for marks). */
export interface SuggestionEntry extends SuggestionMeta {
  kind: SuggestionKind;
  text: string;
  /** The index of the top-level block (paragraph, list, table) it stands in. */
  paragraphIndex: number;
}

/** Which suggestions a bulk operation touches: all, or one author's. */
export interface SuggestionFilter { authorId?: string }

type Visit = (entry: SuggestionEntry) => void;

function $visit(node: LexicalNode, paragraphIndex: number, visit: Visit): void {
  if ($isDeskParagraphNode(node)) {
    const { split, join, level } = node.getSuggestions();
    if (split) visit({ ...split, kind: 'split', text: '', paragraphIndex });
    if (join) visit({ ...join, kind: 'join', text: '', paragraphIndex });
    if (level) {
      const { from: _from, ...meta } = level;
      visit({ ...meta, kind: 'level', text: '', paragraphIndex });
    }
  }
  if ($isSuggestionNode(node)) {
    // A colleague's insertion typed inside this one is a suggestion of its own (captureApply.ts).
    visit({ ...node.getMeta(), kind: node.getKind(), text: $ownText(node), paragraphIndex });
    for (const child of node.getChildren()) $visit(child, paragraphIndex, visit);
    return;
  }
  const deletion = $deletionOf(node);
  if (deletion) visit({ ...deletion, kind: 'delete', text: node.getTextContent(), paragraphIndex });
  if ($isElementNode(node)) for (const child of node.getChildren()) $visit(child, paragraphIndex, visit);
}

/** The text a suggestion element holds, without the suggestions nested in it. */
function $ownText(node: LexicalNode): string {
  if (!$isElementNode(node)) return node.getTextContent();
  return node.getChildren().filter((child) => !$isSuggestionNode(child)).map($ownText).join('');
}

/**
 * The pending suggestions in document order. Neighbouring pieces of one suggestion (same id and
 * kind, nothing between them in the list) are one entry, their text joined.
 */
export function $listSuggestions(): SuggestionEntry[] {
  const entries: SuggestionEntry[] = [];
  $getRoot().getChildren().forEach((block, index) => $visit(block, index, (entry) => {
    const last = entries.at(-1);
    if (last && last.id === entry.id && last.kind === entry.kind) last.text += entry.text;
    else entries.push(entry);
  }));
  return entries;
}

function $unwrap(node: SuggestionNode): void {
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

/** Moves the paragraph's content to the end of the block before it; false when there is none. */
function $joinPrevious(paragraph: DeskParagraphNode): boolean {
  const previous = paragraph.getPreviousSibling();
  if (!$isElementNode(previous) || previous.isInline()) return false;
  previous.append(...paragraph.getChildren());
  paragraph.remove();
  return true;
}

function $collect(id: string): { inline: SuggestionNode[]; marked: TextNode[]; paragraphs: DeskParagraphNode[] } {
  const inline: SuggestionNode[] = [];
  const marked: TextNode[] = [];
  const paragraphs: DeskParagraphNode[] = [];
  const walk = (node: ElementNode): void => {
    for (const child of node.getChildren()) {
      if ($isSuggestionNode(child) && child.getSuggestionId() === id) inline.push(child);
      if ($isTextNode(child) && $deletionOf(child)?.id === id) marked.push(child);
      if ($isDeskParagraphNode(child)) {
        const { split, join, level } = child.getSuggestions();
        if (split?.id === id || join?.id === id || level?.id === id) paragraphs.push(child);
      }
      if ($isElementNode(child)) walk(child);
    }
  };
  walk($getRoot());
  return { inline, marked, paragraphs };
}

function $resolve(id: string, accept: boolean): boolean {
  const { inline, marked, paragraphs } = $collect(id);
  for (const node of inline) {
    const keep = (node.getKind() === 'insert') === accept;
    // Dropping an insertion keeps the insertions colleagues made inside it: they stay pending.
    if (!keep) for (const child of node.getChildren()) if (!$isSuggestionNode(child)) child.remove();
    $unwrap(node);
  }
  for (const node of marked) {
    if (accept) node.remove();
    else $setDeletion(node, null);
  }
  for (const paragraph of paragraphs) {
    const { split, join, level } = paragraph.getSuggestions();
    if (level?.id === id) {
      if (!accept) paragraph.setLevel(level.from);
      paragraph.setSuggestions({ level: null });
    }
    const joins = (split?.id === id && !accept) || (join?.id === id && accept);
    if (split?.id === id) paragraph.setSuggestions({ split: null });
    if (join?.id === id) paragraph.setSuggestions({ join: null });
    if (joins) $joinPrevious(paragraph);
  }
  return inline.length + marked.length + paragraphs.length > 0;
}

/** Applies suggestion `id` for good (an insertion stays, a deletion goes); false when none has it. */
export function $acceptSuggestion(id: string): boolean {
  return $resolve(id, true);
}

/** Drops suggestion `id` (an insertion goes, a deletion stays); false when none has it. */
export function $rejectSuggestion(id: string): boolean {
  return $resolve(id, false);
}

function $resolveAll(accept: boolean, filter: SuggestionFilter): number {
  const ids = new Set($listSuggestions()
    .filter((entry) => filter.authorId === undefined || entry.authorId === filter.authorId)
    .map((entry) => entry.id));
  for (const id of ids) $resolve(id, accept);
  return ids.size;
}

/** Accepts every pending suggestion, or one author's; returns how many suggestions it resolved. */
export function $acceptAllSuggestions(filter: SuggestionFilter = {}): number {
  return $resolveAll(true, filter);
}

/** Rejects every pending suggestion, or one author's; returns how many suggestions it resolved. */
export function $rejectAllSuggestions(filter: SuggestionFilter = {}): number {
  return $resolveAll(false, filter);
}
