/**
 * Helpers for suggestion tests: a headless editor with rich text and history (optionally bound to a
 * Y.Doc), bodies built from a compact description, and a readable dump of paragraphs and marks.
 */
import * as Y from 'yjs';
import { createHeadlessEditor } from '@lexical/headless';
import { registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import {
  $createTextNode, $getRoot, $getSelection, $isElementNode, $isRangeSelection, type ElementNode, type LexicalEditor, type LexicalNode,
} from 'lexical';
import { DESK_NODES } from '../editor/nodes';
import { bindHeadlessEditor } from '../editor/headless';
import { $createDeskParagraphNode, $isDeskParagraphNode } from '../editor/DeskParagraphNode';
import { $createSuggestionNode, $isSuggestionNode } from './SuggestionNode';
import { $deletionOf, $setDeletion } from './deletionMark';
import type { InlineSuggestionKind, SuggestionAuthor, SuggestionMeta } from './types';

export const ALICE: SuggestionAuthor = { id: 'u-alice', name: '张三' };
export const BOB: SuggestionAuthor = { id: 'u-bob', name: '李四' };

/** A fixed meta for building bodies: `id` by `author` at a fixed time. */
export function meta(id: string, author: SuggestionAuthor = ALICE): SuggestionMeta {
  return { id, authorId: author.id, authorName: author.name, at: '2025-03-01T08:00:00.000Z' };
}

/**
 * Inline content: plain text, text in an insertion, or text marked deleted (`legacy`: wrapped in a
 * deletion element, as bodies stored before deletion marks hold it).
 */
export type Piece = string | { kind: InlineSuggestionKind; meta: SuggestionMeta; text: string; legacy?: boolean };

export function ins(text: string, m: SuggestionMeta): Piece {
  return { kind: 'insert', meta: m, text };
}

export function del(text: string, m: SuggestionMeta): Piece {
  return { kind: 'delete', meta: m, text };
}

/** A deletion as bodies stored before deletion marks hold it: an element around the text. */
export function legacyDel(text: string, m: SuggestionMeta): Piece {
  return { kind: 'delete', meta: m, text, legacy: true };
}

/** Replaces the root's content with paragraphs of pieces (run inside an update). */
export function $fill(paragraphs: ReadonlyArray<readonly Piece[]>): void {
  const root = $getRoot().clear();
  for (const pieces of paragraphs) {
    const paragraph = $createDeskParagraphNode();
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        if (piece !== '') paragraph.append($createTextNode(piece));
      } else if (piece.kind === 'delete' && !piece.legacy) {
        paragraph.append($setDeletion($createTextNode(piece.text), piece.meta));
      } else {
        paragraph.append($createSuggestionNode(piece.kind, piece.meta).append($createTextNode(piece.text)));
      }
    }
    root.append(paragraph);
  }
}

/** A headless editor with rich text and undo history, holding `paragraphs`. */
export function testEditor(paragraphs: ReadonlyArray<readonly Piece[]> = [['']]): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...DESK_NODES], onError: (error) => { throw error; } });
  registerRichText(editor);
  registerHistory(editor, createEmptyHistoryState(), 0);
  editor.update(() => $fill(paragraphs), { discrete: true });
  return editor;
}

/** Two headless editors on two Y.Docs that exchange updates whenever `sync()` is called. */
export function syncedPair(): { a: LexicalEditor; b: LexicalEditor; sync(): void; dispose(): void } {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  const boundA = bindHeadlessEditor(docA);
  const boundB = bindHeadlessEditor(docB);
  const sync = (): void => {
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
  };
  return { a: boundA.editor, b: boundB.editor, sync, dispose: () => { boundA.dispose(); boundB.dispose(); } };
}

function describeInline(node: LexicalNode): string {
  if ($isSuggestionNode(node)) {
    const inner = describeChildren(node);
    return node.getKind() === 'insert' ? `[+${inner}]` : `[-${inner}]`;
  }
  if ($isElementNode(node)) return describeChildren(node);
  return node.getTextContent();
}

/** Children described; neighbouring text marked with one deletion reads as one `[-…]`. */
function describeChildren(parent: ElementNode): string {
  let out = '';
  let open: string | null = null;
  for (const child of parent.getChildren()) {
    const deletion = $deletionOf(child);
    if (open !== null && deletion?.id !== open) out += ']';
    if (deletion && deletion.id !== open) out += '[-';
    open = deletion?.id ?? null;
    out += describeInline(child);
  }
  return open !== null ? `${out}]` : out;
}

/**
 * The body as lines, marks shown: `[+…]` insertion, `[-…]` deletion, a leading `⏎+` an inserted
 * paragraph start, `⏎-` a deleted one, `{from→to}` a level change.
 */
export function dump(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((block) => {
    let prefix = '';
    if ($isDeskParagraphNode(block)) {
      const s = block.getSuggestions();
      if (s.split) prefix += '⏎+';
      if (s.join) prefix += '⏎-';
      if (s.level) prefix += `{${s.level.from}→${block.getLevel()}}`;
    }
    return prefix + describeInline(block);
  }));
}

/** Puts the caret `offset` characters into paragraph `index`, or selects [offset, end) across text nodes. */
export function select(editor: LexicalEditor, index: number, offset: number, end = offset): void {
  editor.update(() => {
    const paragraph = $getRoot().getChildAtIndex(index);
    if (!$isDeskParagraphNode(paragraph)) throw new Error('not a paragraph');
    const point = (at: number) => {
      let left = at;
      for (const text of paragraph.getAllTextNodes()) {
        if (left <= text.getTextContentSize()) return { node: text, offset: left };
        left -= text.getTextContentSize();
      }
      throw new Error('offset out of range');
    };
    const a = point(offset);
    const b = point(end);
    const selection = a.node.select(a.offset, a.offset);
    selection.focus.set(b.node.getKey(), b.offset, 'text');
  }, { discrete: true });
}

export function type(editor: LexicalEditor, text: string): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.insertText(text);
  }, { discrete: true });
}

/** Backspace (or, with `forward`, Delete) and Enter, as rich text runs them on the selection. */
export function backspace(editor: LexicalEditor, forward = false): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.deleteCharacter(!forward);
  }, { discrete: true });
}

/** Deletes the selected range, as Backspace over a selection does. */
export function remove(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.removeText();
  }, { discrete: true });
}

export function enter(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.insertParagraph();
  }, { discrete: true });
}
