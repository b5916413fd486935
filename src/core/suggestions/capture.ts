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
 * - a paragraph's level change is kept as a level suggestion, one change with its number's edit.
 * Remote edits ('collaboration') and undo/redo ('historic') are left alone; an IME's composition is
 * captured once it ends.
 * Scope: paragraphs of the body or of one table cell, and the text of one list item; any other edit
 * (a table or list made or removed, list items split or joined) stays direct.
 */
import { $isListItemNode, type ListItemNode } from '@lexical/list';
import {
  $getNodeByKey, $getRoot, $getSelection, $hasUpdateTag, $isElementNode, $isRangeSelection, RootNode,
  type EditorState, type ElementNode, type LexicalEditor, type LexicalNode,
} from 'lexical';
import { $isDeskParagraphNode } from '../editor/DeskParagraphNode';
import { $linearize, sameAtom, type Atom } from './captureAtoms';
import { $applyCapture, $unmarkTyped } from './captureApply';
import { newSuggestionMeta, type SuggestionAuthor, type SuggestionMeta } from './types';

function treeOf(node: LexicalNode): LexicalNode[] {
  return $isElementNode(node) ? [node, ...node.getChildren().flatMap(treeOf)] : [node];
}

function sameTree(a: readonly LexicalNode[], b: readonly LexicalNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

/**
 * One pass over the change from `prevState`; `captured` is the signature of what an earlier pass of
 * this update left, which needs nothing more. Returns the signature of what it leaves, or null.
 */
type Pass = (prevState: EditorState, captured: string | null) => string | null;

/** Turns the edits of each plain update into suggestions by `author`, until the returned function is called. */
export function registerSuggesting(editor: LexicalEditor, author: SuggestionAuthor): () => void {
  return registerChangePass(editor, (prevState, captured) => $captureSuggestions(prevState, author, captured));
}

/**
 * Editing with 修订 off: text typed at or inside a colleague's suggestion is the writer's own. A
 * deletion mark sits on an ordinary text node, which takes typed text as its own (a deletion element
 * refused it): the mark comes off the typed characters. A colleague's insertion takes typed text
 * into itself, which would show the writer's words as the colleague's proposal: the typed text
 * becomes an insertion of `author` inside it (as with 修订 on; splitting the colleague's insertion
 * instead would re-create its characters). Until the returned function is called.
 */
export function registerDirectEditing(editor: LexicalEditor, author: SuggestionAuthor): () => void {
  return registerChangePass(editor, (prevState, captured) => $keepTypingOwn(prevState, author, captured));
}

/** Runs `pass` on each plain update (not remote, not undo), an IME's composition once it ends. */
function registerChangePass(editor: LexicalEditor, pass: Pass): () => void {
  // While an IME composes, its text is left alone (wrapping it would move the DOM under the IME and
  // break the composition); the whole composed text is captured against the state before it began.
  // Kept until the update that ends the composition is committed: the transform runs again on the
  // nodes the capture changed, and must compare with the same state each time.
  let beforeComposition: EditorState | null = null;
  let composedCaptured = false;
  // What the last capture left, against which state: the transform runs again on the nodes it
  // changed, and content it already captured is not a new edit.
  let memo: { prevState: EditorState; captured: string | null } | null = null;
  const stopTransform = editor.registerNodeTransform(RootNode, () => {
    if ($hasUpdateTag('collaboration') || $hasUpdateTag('historic')) return;
    if (editor.isComposing()) {
      beforeComposition ??= editor.getEditorState();
      return;
    }
    const prevState = beforeComposition ?? editor.getEditorState();
    memo = { prevState, captured: pass(prevState, memo?.prevState === prevState ? memo.captured : null) };
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

/** Children with their subtrees, for comparing by node identity. */
interface Entry { node: LexicalNode; tree: LexicalNode[] }

function entriesOf(parent: ElementNode): Entry[] {
  return parent.getChildren().map((node) => ({ node, tree: treeOf(node) }));
}

/** Whether a list item holds only inline content (no nested list), so its text can be captured as a block's. */
function isFlatListItem(node: LexicalNode): node is ListItemNode {
  return $isListItemNode(node) && node.getChildren().every((child) => !$isElementNode(child) || child.isInline());
}

/**
 * The changed stretch of children, in the innermost element both states share: the body's, a
 * table cell's (descending through the one changed table, row and cell) or a list's. `prev` nodes
 * belong to `prevState`.
 */
function $changedScope(prevState: EditorState): { prev: LexicalNode[]; next: LexicalNode[] } | null {
  let nextParent: ElementNode = $getRoot();
  let prev = prevState.read(() => entriesOf($getRoot()));
  for (;;) {
    const next = entriesOf(nextParent);
    let head = 0;
    while (head < prev.length && head < next.length && sameTree(prev[head].tree, next[head].tree)) head += 1;
    let tail = 0;
    while (tail < prev.length - head && tail < next.length - head
      && sameTree(prev[prev.length - 1 - tail].tree, next[next.length - 1 - tail].tree)) tail += 1;
    const prevMiddle = prev.slice(head, prev.length - tail).map((entry) => entry.node);
    const nextMiddle = next.slice(head, next.length - tail).map((entry) => entry.node);
    if (prevMiddle.length === 0 && nextMiddle.length === 0) return null;
    const [only] = nextMiddle;
    const descend = prevMiddle.length === 1 && nextMiddle.length === 1 && $isElementNode(only) && !only.isInline()
      && prevMiddle[0].getKey() === only.getKey() && !$isDeskParagraphNode(only) && !$isListItemNode(only);
    if (!descend) return { prev: prevMiddle, next: nextMiddle };
    const key = only.getKey();
    prev = prevState.read(() => {
      const node = $getNodeByKey(key);
      return $isElementNode(node) ? entriesOf(node) : [];
    });
    nextParent = only;
  }
}

/** The blocks capture can record: paragraphs (of the body or a cell), or one list item's text. */
function $capturable(prev: readonly LexicalNode[], next: readonly LexicalNode[]): { prevBlocks: ElementNode[]; nextBlocks: ElementNode[] } | null {
  if (next.length > 0 && prev.every($isDeskParagraphNode) && next.every($isDeskParagraphNode)) {
    return { prevBlocks: prev.filter($isDeskParagraphNode), nextBlocks: next.filter($isDeskParagraphNode) };
  }
  const [was] = prev;
  const [now] = next;
  if (prev.length === 1 && next.length === 1 && was.getKey() === now.getKey() && isFlatListItem(now) && $isListItemNode(was)) {
    return { prevBlocks: [was], nextBlocks: [now] };
  }
  return null;
}

/**
 * Records level changes of paragraphs (same node, another level) as level suggestions of `author`:
 * the level the original text has stays in `from`; back at it, the suggestion is withdrawn. The
 * meta of the one suggestion made or kept, for the number change that goes with it.
 */
function $captureLevels(prevBlocks: readonly ElementNode[], nextBlocks: readonly ElementNode[], prevState: EditorState, author: SuggestionAuthor): SuggestionMeta | undefined {
  const keys = prevBlocks.map((block) => block.getKey());
  // The committed level and level suggestion: the transform runs again on what it changed, against the same state.
  const before = new Map(prevState.read(() => keys.flatMap((key) => {
    const node = $getNodeByKey(key);
    return $isDeskParagraphNode(node) ? [[key, { level: node.getLevel(), suggested: node.getSuggestions().level }] as const] : [];
  })));
  const made: SuggestionMeta[] = [];
  for (const block of nextBlocks) {
    const was = before.get(block.getKey());
    if (!$isDeskParagraphNode(block) || was === undefined || was.level === block.getLevel()) continue;
    const from = was.suggested ? was.suggested.from : was.level;
    const live = block.getSuggestions().level;
    if (block.getLevel() === from) {
      if (live) block.setSuggestions({ level: null });
      continue;
    }
    const keep = live !== null && live.authorId === author.id && live.from === from;
    const { id, authorId, authorName, at } = keep ? live : newSuggestionMeta(author);
    if (!keep) block.setSuggestions({ level: { id, authorId, authorName, at, from } });
    made.push({ id, authorId, authorName, at });
  }
  return made.length === 1 ? made[0] : undefined;
}

/** The changed blocks as they stand now, with their marks: what tells one captured state from another. */
function signature(atoms: readonly Atom[]): string {
  return JSON.stringify(atoms.map((atom) => {
    if (atom.t === 'mark') return ['m', atom.split?.id, atom.join?.id, atom.level];
    const sug = atom.sug ? `${atom.sug.kind}:${atom.sug.meta.id}` : '';
    return atom.t === 'char' ? [atom.ch, atom.format, atom.style, sug] : [atom.node.getType(), sug];
  }));
}

/** The changed scope's blocks, capturable ones only. */
function $scopeBlocks(prevState: EditorState): { prevBlocks: ElementNode[]; nextBlocks: ElementNode[] } | null {
  const scope = $changedScope(prevState);
  // Anything else (a table or list made or removed, list items split or joined) stays direct, and the server refuses it.
  return scope ? $capturable(scope.prev, scope.next) : null;
}

/** Where `after` differs from `before`: after `p` atoms and before the last `s`; an ambiguous stretch (typing next to an equal character) where the caret says. */
function $changedStretch(before: readonly Atom[], after: readonly Atom[]): { p: number; s: number } {
  const caret = $caretIndex(after);
  let p = 0;
  while (p < before.length && p < after.length && sameAtom(before[p], after[p])) p += 1;
  let s = 0;
  while (s < before.length - p && s < after.length - p && sameAtom(before[before.length - 1 - s], after[after.length - 1 - s])) s += 1;
  const lastRemoved = (): Atom | undefined => before[before.length - s - 1];
  const lastInserted = (): Atom | undefined => after[after.length - s - 1];
  while (p > 0 && (before.length - s - p === 0 || sameAtom(before[p - 1], lastRemoved() ?? before[p - 1]))
    && (after.length - s - p === 0 || sameAtom(after[p - 1], lastInserted() ?? after[p - 1]))
    && caret !== p + (after.length - s - p)) {
    p -= 1;
    s += 1;
  }
  return { p, s };
}

/** The signature of the changed blocks as a pass leaves them. */
function $leftBy(prevState: EditorState): string | null {
  const left = $scopeBlocks(prevState);
  return left ? signature($linearize(left.nextBlocks)) : null;
}

interface Change { prevBlocks: ElementNode[]; nextBlocks: ElementNode[]; before: Atom[]; after: Atom[]; p: number; s: number }

/**
 * The change a pass looks at: the capturable blocks, their atoms before and now and the changed
 * stretch; null when there is none, and `captured` when nothing changed since a pass left it.
 */
function $changeSince(prevState: EditorState, captured: string | null): Change | string | null {
  const blocks = $scopeBlocks(prevState);
  if (!blocks) return null;
  const after = $linearize(blocks.nextBlocks);
  if (captured !== null && signature(after) === captured) return captured;
  const before = prevState.read(() => $linearize(blocks.prevBlocks));
  return { ...blocks, before, after, ...$changedStretch(before, after) };
}

/**
 * Captures the change from `prevState` as suggestions of `author` (a Pass: re-reading a deletion
 * placed before an insertion as an edit of its own re-captured it without end).
 */
function $captureSuggestions(prevState: EditorState, author: SuggestionAuthor, captured: string | null): string | null {
  const change = $changeSince(prevState, captured);
  if (change === null || typeof change === 'string') return change;
  const { prevBlocks, nextBlocks, before, after, p, s } = change;
  const level = $captureLevels(prevBlocks, nextBlocks, prevState, author);
  if (before.length - s - p === 0 && after.length - s - p === 0) return null;
  if (after[0]?.t !== 'mark') return null;
  // Delete rather than Backspace: the caret stood where the removed stretch began.
  const forward = after.length - s === p && prevState.read(() => $caretIndex(before)) === p;
  if (!$applyCapture(nextBlocks, before, p, s, author, level, forward)) return null;
  return $leftBy(prevState);
}

/** With 修订 off (a Pass): characters typed into a deletion lose its mark, those typed into a colleague's insertion are the author's. */
function $keepTypingOwn(prevState: EditorState, author: SuggestionAuthor, captured: string | null): string | null {
  const change = $changeSince(prevState, captured);
  if (change === null || typeof change === 'string') return change;
  if (!$unmarkTyped(change.nextBlocks, change.p, change.after.length - change.s, author)) return null;
  return $leftBy(prevState);
}
