/**
 * Applies one captured change to the live tree in place (see capture.ts): text nodes are split only
 * at the changed stretch's edges, only that stretch is wrapped, and removed text is re-created only
 * where it was, so every other node keeps its identity (its Yjs items, an IME composition in it).
 */
import {
  $copyNode, $createTextNode, $getSelection, $isRangeSelection, $isTextNode, type ElementNode, type LexicalNode,
} from 'lexical';
import { $createDeskParagraphNode, $isDeskParagraphNode, type DeskParagraphNode } from '../editor/DeskParagraphNode';
import { $createSuggestionNode, $isSuggestionNode, type SuggestionNode } from './SuggestionNode';
import { $linearize, type Atom, type Sug } from './captureAtoms';
import { $deletionOf, $setDeletion } from './deletionMark';
import { newSuggestionMeta, type SuggestionAuthor, type SuggestionMeta } from './types';

/** Whether an inserted atom must be wrapped anew: it is not already the author's own insertion. */
function needsWrap(atom: Atom, author: SuggestionAuthor): boolean {
  if (atom.t === 'mark') return false;
  return !(atom.sug?.kind === 'insert' && atom.sug.meta.authorId === author.id);
}

/** What of the removed stretch is kept: deletions, and suggested joins for removed paragraph starts. */
function keptOf(removed: readonly Atom[], deleteSug: Sug, author: SuggestionAuthor): Atom[] {
  return removed.flatMap((atom): Atom[] => {
    if (atom.t === 'mark') return atom.split ? [] : [{ ...atom, join: atom.join ?? newSuggestionMeta(author) }];
    if (atom.sug?.kind === 'insert') return [];
    return [{ ...atom, sug: atom.sug ?? deleteSug }];
  });
}

/**
 * Splits the text node of atom `index` so that the atom starts a node. The first part keeps the
 * node (and its Yjs identity), unless `keepTail`: then a new node takes the first part, which is
 * new text anyway, and the untouched rest keeps it.
 */
function $splitBefore(atoms: readonly Atom[], index: number, keepTail = false): void {
  const atom = atoms[index];
  if (atom?.t !== 'char' || atom.offset === 0) return;
  const node = atom.node;
  if (!keepTail) {
    node.splitText(atom.offset);
    return;
  }
  const text = node.getTextContent();
  const head = $setDeletion($createTextNode(text.slice(0, atom.offset)).setFormat(node.getFormat()).setStyle(node.getStyle()), $deletionOf(node));
  node.insertBefore(head);
  const selection = $getSelection();
  const points = $isRangeSelection(selection) ? [selection.anchor, selection.focus] : [];
  const moves = points.map((point) => point.key === node.getKey() && point.type === 'text' ? point.offset : -1);
  node.setTextContent(text.slice(atom.offset));
  points.forEach((point, i) => {
    const offset = moves[i];
    if (offset < 0) return;
    if (offset <= atom.offset) point.set(head.getKey(), offset, 'text');
    else point.set(node.getKey(), offset - atom.offset, 'text');
  });
}

/**
 * Splits text nodes so that atoms [p, q) of `found` are whole nodes; the part after the stretch keeps
 * the node when the stretch starts it (the rest is the untouched text, whose identity matters).
 */
function $isolate(found: readonly Atom[], p: number, q: number): void {
  const before0 = found[p - 1];
  const atQ = found[q];
  $splitBefore(found, q, atQ?.t === 'char' && !(before0?.t === 'char' && before0.node === atQ.node));
  $splitBefore(found, p);
}

/**
 * Moves `node` out of the deletion elements around it (bodies written before deletion marks),
 * splitting each. A colleague's insertion around it is left whole: the new insertion goes inside
 * it, since splitting it would move (and so re-create) the colleague's characters.
 */
export function $liftOutOfDeletions(node: LexicalNode): void {
  for (let parent = node.getParent(); $isSuggestionNode(parent) && parent.getKind() === 'delete'; parent = node.getParent()) {
    const rest = node.getNextSiblings();
    if (rest.length > 0) {
      const tail = $createSuggestionNode(parent.getKind(), parent.getMeta());
      parent.insertAfter(tail);
      tail.append(...rest);
    }
    parent.insertAfter(node);
    if (parent.getChildrenSize() === 0) parent.remove();
  }
}

/** The paragraph child that starts where `node` starts, splitting suggestions `node` stands inside. */
function $paragraphLevel(node: LexicalNode): LexicalNode {
  let current = node;
  for (let parent = current.getParent(); $isSuggestionNode(parent); parent = current.getParent()) {
    if (current.getPreviousSibling() !== null) {
      const tail = $createSuggestionNode(parent.getKind(), parent.getMeta());
      const rest = current.getNextSiblings();
      parent.insertAfter(tail);
      tail.append(current, ...rest);
      current = tail;
    } else {
      current = parent;
    }
  }
  return current;
}

/** The author's own deletion `node` is, or is marked with: a deletion mark or a deletion element. */
function $ownDeletion(node: LexicalNode | null, author: SuggestionAuthor): SuggestionMeta | null {
  const meta = $isSuggestionNode(node) && node.getKind() === 'delete' ? node.getMeta() : $deletionOf(node);
  return meta?.authorId === author.id ? meta : null;
}

/** Folds a new suggestion into a neighbouring one of the same kind by the same author. */
function $adopt(wrapper: SuggestionNode, author: SuggestionAuthor, allowPrevious: boolean): void {
  const own = (node: LexicalNode | null): SuggestionNode | null =>
    ($isSuggestionNode(node) && node !== wrapper && node.getKind() === wrapper.getKind()
      && node.getMeta().authorId === author.id ? node : null);
  const previous = allowPrevious ? own(wrapper.getPreviousSibling()) : null;
  const next = own(wrapper.getNextSibling());
  if (previous) previous.append(...wrapper.getChildren());
  else if (next) next.splice(0, 0, wrapper.getChildren());
  else return;
  wrapper.remove();
}

/**
 * Wraps the inserted atoms that need it, run by run, in insertions of the author under `meta`;
 * `adopt`: a run may join a neighbouring insertion of the author (allowPrevious: the one before too).
 * `wraps` chooses the atoms (by default every one that is not already the author's insertion).
 */
function $wrapInserted(
  atoms: readonly Atom[], from: number, to: number, author: SuggestionAuthor, meta: SuggestionMeta, adopt: { previous: boolean } | null,
  wraps: (atom: Atom) => boolean = (atom) => needsWrap(atom, author),
): void {
  const runs: LexicalNode[][] = [];
  let run: LexicalNode[] = [];
  for (let i = from; i < to; i += 1) {
    const atom = atoms[i];
    if (!wraps(atom)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else if (atom.t !== 'mark' && run.at(-1) !== atom.node) {
      run.push(atom.node);
    }
  }
  if (run.length > 0) runs.push(run);
  for (const nodes of runs) {
    nodes.forEach($liftOutOfDeletions);
    // Text typed inside a deletion is new text: an insertion, not part of what is deleted.
    for (const node of nodes) if ($isTextNode(node) && $deletionOf(node)) $setDeletion(node, null);
    const wrapper = $createSuggestionNode('insert', meta);
    nodes[0].insertBefore(wrapper);
    wrapper.append(...nodes);
    if (adopt) $adopt(wrapper, author, adopt.previous);
  }
}

function sameSug(a: Sug | null, b: Sug | null): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.meta.id === b.meta.id);
}

/**
 * Re-creates the kept removed atoms before `before` in `paragraph` (at its end when null). Deleted
 * text is marked (deletionMark.ts); other deleted leaves and any insertion are wrapped. Returns the
 * last node placed.
 */
function $placeRemoved(
  kept: readonly Atom[], paragraph: ElementNode, before: LexicalNode | null, fresh: Sug, author: SuggestionAuthor, adopt: boolean,
): LexicalNode | null {
  let parent = paragraph;
  let next = before;
  // Deleting next to one's own deletion extends it (Backspace pressed again and again is one change).
  const neighbour = adopt
    ? $ownDeletion(before ? before.getPreviousSibling() : paragraph.getLastChild(), author) ?? $ownDeletion(before, author)
    : null;
  const ownSug = (sug: Sug | null): Sug | null => (sug === fresh && neighbour ? { kind: 'delete', meta: neighbour } : sug);
  const wrappers: SuggestionNode[] = [];
  let wrapper: { sug: Sug; node: SuggestionNode } | null = null;
  let text: { chars: string; format: number; style: string; sug: Sug | null } | null = null;
  const placedLast: { node: LexicalNode | null } = { node: null };
  const place = (node: LexicalNode): void => {
    if (next) next.insertBefore(node);
    else parent.append(node);
    placedLast.node = node;
  };
  const into = (placed: Sug | null, node: LexicalNode): void => {
    const sug = ownSug(placed);
    if (sug === null || (sug.kind === 'delete' && $isTextNode(node) && node.getType() === 'text')) {
      if (sug !== null && $isTextNode(node)) $setDeletion(node, sug.meta);
      wrapper = null;
      place(node);
      return;
    }
    if (wrapper === null || wrapper.sug.meta.id !== sug.meta.id || wrapper.sug.kind !== sug.kind) {
      wrapper = { sug, node: $createSuggestionNode(sug.kind, sug.meta) };
      place(wrapper.node);
      wrappers.push(wrapper.node);
    }
    wrapper.node.append(node);
    placedLast.node = wrapper.node;
  };
  const flush = (): void => {
    if (text) into(text.sug, $createTextNode(text.chars).setFormat(text.format).setStyle(text.style));
    text = null;
  };
  for (const atom of kept) {
    if (atom.t === 'char') {
      if (text && (text.format !== atom.format || text.style !== atom.style || !sameSug(text.sug, atom.sug))) flush();
      text ??= { chars: '', format: atom.format, style: atom.style, sug: atom.sug };
      text.chars += atom.ch;
      continue;
    }
    flush();
    if (atom.t === 'leaf') {
      into(atom.sug, $copyNode(atom.node));
      continue;
    }
    wrapper = null;
    const created: DeskParagraphNode = $createDeskParagraphNode(atom.level).setFormat(atom.align).setIndent(atom.indent);
    created.setSuggestions({ split: null, join: atom.join });
    parent.insertAfter(created);
    const moving = next ? [next, ...next.getNextSiblings()] : [];
    created.append(...moving);
    parent = created;
    next = moving[0] ?? null;
  }
  flush();
  const placed = placedLast.node;
  if (!adopt) return placed;
  const id = neighbour?.id ?? fresh.meta.id;
  for (const node of wrappers) if (node.isAttached() && node.getSuggestionId() === id) $adopt(node, author, true);
  return placed?.isAttached() ? placed : null;
}

/**
 * Turns the change between `before` (committed atoms) and the live `blocks`, which differ in the
 * stretch after `p` atoms and before the last `s`, into suggestions of `author`, in place. With
 * `shared`, the insertion and deletion made take that suggestion's identity (a level change and its
 * number are one change) and are not folded into neighbouring ones. `forward`: the caret stood
 * before the removed text (Delete, not Backspace), so after a removal it goes past what is kept,
 * and the next Delete marks the next character, as in Word.
 * Returns false when there was nothing to change (the change already is a suggestion).
 */
export function $applyCapture(
  blocks: readonly ElementNode[], before: readonly Atom[], p: number, s: number, author: SuggestionAuthor, shared?: SuggestionMeta,
  forward = false,
): boolean {
  const found = $linearize(blocks);
  const q = found.length - s;
  const inserted = found.slice(p, q);
  const fresh: Sug = { kind: 'delete', meta: shared ?? newSuggestionMeta(author) };
  const kept = keptOf(before.slice(p, before.length - s), fresh, author);
  const marks = inserted.filter((atom) => atom.t === 'mark' && atom.split === null);
  if (kept.length === 0 && marks.length === 0 && !inserted.some((atom) => needsWrap(atom, author))) return false;

  $isolate(found, p, q);
  const after = $linearize(blocks);
  for (const atom of marks) if (atom.t === 'mark' && $isDeskParagraphNode(atom.node)) atom.node.setSuggestions({ split: newSuggestionMeta(author), join: null });
  $wrapInserted(after, p, q, author, shared ?? newSuggestionMeta(author), shared ? null : { previous: kept.length === 0 });
  if (kept.length === 0) return true;

  const at = after[p];
  let paragraph: ElementNode | null = null;
  let next: LexicalNode | null = null;
  if (at !== undefined && at.t !== 'mark') {
    next = $paragraphLevel(at.node);
    paragraph = next.getParent();
  } else {
    for (let i = p - 1; i >= 0 && paragraph === null; i -= 1) {
      const atom = after[i];
      if (atom.t === 'mark') paragraph = atom.node;
    }
  }
  if (paragraph === null) return true;
  const caretAnchor = next ? next.getPreviousSibling() : paragraph.getLastChild();
  const last = $placeRemoved(kept, paragraph, next, fresh, author, shared === undefined);
  if (inserted.length === 0) {
    if (forward && $isTextNode(last)) last.select();
    else if ($isTextNode(caretAnchor)) caretAnchor.select();
    else if (caretAnchor && $isSuggestionNode(caretAnchor)) caretAnchor.selectEnd();
    else paragraph.select(0, 0);
  }
  return true;
}

/**
 * Makes the characters in [p, q) of the live `blocks`, typed with 修订 off, the writer's: those
 * typed into a colleague's deletion lose the mark (or leave a deletion element, in older bodies),
 * and those typed into a colleague's insertion become an insertion of `author` inside it. Text nodes
 * are split at the stretch's edges. False when none of them was in a colleague's suggestion.
 */
export function $unmarkTyped(blocks: readonly ElementNode[], p: number, q: number, author: SuggestionAuthor): boolean {
  const inDeletion = (atom: Atom): boolean => atom.t === 'char' && atom.sug?.kind === 'delete';
  const inTheirInsertion = (atom: Atom): boolean => atom.t === 'char' && atom.sug?.kind === 'insert' && atom.sug.meta.authorId !== author.id;
  const found = $linearize(blocks);
  const typed = found.slice(p, q);
  const deleted = typed.some(inDeletion);
  const inserted = typed.some(inTheirInsertion);
  if (!deleted && !inserted) return false;
  $isolate(found, p, q);
  if (deleted) {
    const nodes = new Set($linearize(blocks).slice(p, q).filter(inDeletion).map((atom) => atom.node));
    for (const node of nodes) {
      if ($isTextNode(node) && $deletionOf(node)) $setDeletion(node, null);
      else $liftOutOfDeletions(node);
    }
  }
  if (inserted) $wrapInserted($linearize(blocks), p, q, author, newSuggestionMeta(author), { previous: true }, inTheirInsertion);
  return true;
}
