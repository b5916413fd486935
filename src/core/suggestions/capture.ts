/**
 * Suggesting mode (修订): the user's edits become suggestions of their author instead of changing
 * the text. It works on data, not on commands, so typing, paste, IME commits (text that changes
 * without a command), Enter and Backspace are all seen the same way: a RootNode transform compares
 * the changed paragraphs with the last committed state, as sequences of characters and paragraph
 * start marks, finds the one changed stretch, and changes only that stretch in place
 * (captureApply.ts) so that
 * - inserted text and marks are wrapped in (or extend) an insertion of the author;
 * - removed text is kept inside a deletion, unless it was a pending insertion (removed for real);
 * - a removed paragraph start is kept as a suggested join, unless it was a suggested split.
 * Remote edits ('collaboration') and undo/redo ('historic') are left alone; an IME's composition is
 * captured once it ends.
 * Scope: paragraphs at the top of the body; an edit touching a list or table stays direct.
 */
import { $getRoot, $getSelection, $hasUpdateTag, $isElementNode, $isRangeSelection, RootNode, type EditorState, type LexicalEditor, type LexicalNode } from 'lexical';
import { $isDeskParagraphNode } from '../editor/DeskParagraphNode';
import { $linearize, sameAtom, type Atom } from './captureAtoms';
import { $applyCapture } from './captureApply';
import type { SuggestionAuthor } from './types';

function treeOf(node: LexicalNode): LexicalNode[] {
  return $isElementNode(node) ? [node, ...node.getChildren().flatMap(treeOf)] : [node];
}

function sameTree(a: readonly LexicalNode[], b: readonly LexicalNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

/** Turns the edits of each plain update into suggestions by `author`, until the returned function is called. */
export function registerSuggesting(editor: LexicalEditor, author: SuggestionAuthor): () => void {
  // While an IME composes, its text is left alone (wrapping it would move the DOM under the IME and
  // break the composition); the whole composed text is captured against the state before it began.
  // Kept until the update that ends the composition is committed: the transform runs again on the
  // nodes the capture changed, and must compare with the same state each time.
  let beforeComposition: EditorState | null = null;
  let composedCaptured = false;
  const stopTransform = editor.registerNodeTransform(RootNode, () => {
    if ($hasUpdateTag('collaboration') || $hasUpdateTag('historic')) return;
    if (editor.isComposing()) {
      beforeComposition ??= editor.getEditorState();
      return;
    }
    $captureSuggestions(beforeComposition ?? editor.getEditorState(), author);
    composedCaptured = beforeComposition !== null;
  });
  const stopListening = editor.registerUpdateListener(() => {
    if (!composedCaptured) return;
    beforeComposition = null;
    composedCaptured = false;
  });
  return () => {
    stopTransform();
    stopListening();
  };
}

/** The atom index the collapsed caret stands before, if it is in the live `atoms`. */
function $caretIndex(atoms: readonly Atom[]): number | undefined {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return undefined;
  const { key, offset, type } = selection.anchor;
  if (type === 'text') {
    const index = atoms.findIndex((atom) => atom.t === 'char' && atom.node.getKey() === key && atom.offset === offset);
    if (index >= 0) return index;
    const last = atoms.findLastIndex((atom) => atom.t === 'char' && atom.node.getKey() === key);
    return last >= 0 ? last + 1 : undefined;
  }
  return undefined;
}

function $captureSuggestions(prevState: EditorState, author: SuggestionAuthor): void {
  const next = $getRoot().getChildren();
  const nextTrees = next.map(treeOf);
  const prev = prevState.read(() => $getRoot().getChildren().map((node) => ({ node, tree: treeOf(node) })));
  let head = 0;
  while (head < prev.length && head < next.length && sameTree(prev[head].tree, nextTrees[head])) head += 1;
  let tail = 0;
  while (tail < prev.length - head && tail < next.length - head
    && sameTree(prev[prev.length - 1 - tail].tree, nextTrees[next.length - 1 - tail])) tail += 1;
  const prevMiddle = prev.slice(head, prev.length - tail).map((entry) => entry.node);
  const nextMiddle = next.slice(head, next.length - tail);
  if (prevMiddle.length === 0 && nextMiddle.length === 0) return;
  const prevBlocks = prevMiddle.filter($isDeskParagraphNode);
  const nextBlocks = nextMiddle.filter($isDeskParagraphNode);
  // Lists and tables are out of scope: such an edit stays direct (and the server refuses it).
  if (prevBlocks.length !== prevMiddle.length || nextBlocks.length !== nextMiddle.length || nextBlocks.length === 0) return;

  const before = prevState.read(() => $linearize(prevBlocks));
  const after = $linearize(nextBlocks);
  const caret = $caretIndex(after);

  let p = 0;
  while (p < before.length && p < after.length && sameAtom(before[p], after[p])) p += 1;
  let s = 0;
  while (s < before.length - p && s < after.length - p && sameAtom(before[before.length - 1 - s], after[after.length - 1 - s])) s += 1;
  const lastRemoved = (): Atom | undefined => before[before.length - s - 1];
  const lastInserted = (): Atom | undefined => after[after.length - s - 1];
  // An ambiguous stretch (typing a character next to an equal one) is put where the caret says.
  while (p > 0 && (before.length - s - p === 0 || sameAtom(before[p - 1], lastRemoved() ?? before[p - 1]))
    && (after.length - s - p === 0 || sameAtom(after[p - 1], lastInserted() ?? after[p - 1]))
    && caret !== p + (after.length - s - p)) {
    p -= 1;
    s += 1;
  }
  if (before.length - s - p === 0 && after.length - s - p === 0) return;
  if (after[0]?.t !== 'mark') return;
  $applyCapture(nextBlocks, before, p, s, author);
}
