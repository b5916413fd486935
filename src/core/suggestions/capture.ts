/**
 * Suggesting mode (修订): the user's edits become suggestions of their author instead of changing
 * the text. It works on data, not on commands, so typing, paste, IME commits (text that changes
 * without a command), Enter and Backspace are all seen the same way: a RootNode transform compares
 * the changed paragraphs with the last committed state, as sequences of characters and paragraph
 * start marks, finds the one changed stretch, and rebuilds those paragraphs so that
 * - inserted text and marks are wrapped in (or extend) an insertion of the author;
 * - removed text is kept inside a deletion, unless it was a pending insertion (removed for real);
 * - a removed paragraph start is kept as a suggested join, unless it was a suggested split.
 * Remote edits ('collaboration') and undo/redo ('historic') are left alone.
 * Scope: paragraphs at the top of the body; an edit touching a list or table stays direct.
 */
import {
  $createRangeSelection, $createTextNode, $copyNode, $getRoot, $getSelection, $hasUpdateTag, $isElementNode,
  $isRangeSelection, $isTextNode, $setSelection, RootNode,
  type EditorState, type ElementNode, type LexicalEditor, type LexicalNode, type PointType,
} from 'lexical';
import { $isDeskParagraphNode, type DeskParagraphNode } from '../editor/DeskParagraphNode';
import { $createSuggestionNode, $isSuggestionNode } from './SuggestionNode';
import { newSuggestionMeta, type InlineSuggestionKind, type SuggestionAuthor, type SuggestionMeta } from './types';

interface Sug { kind: InlineSuggestionKind; meta: SuggestionMeta }
interface MarkAtom { t: 'mark'; node: DeskParagraphNode; current: boolean; split: SuggestionMeta | null; join: SuggestionMeta | null }
interface CharAtom { t: 'char'; ch: string; format: number; style: string; sug: Sug | null }
interface LeafAtom { t: 'leaf'; node: LexicalNode; current: boolean; sug: Sug | null }
type Atom = MarkAtom | CharAtom | LeafAtom;

/** Where a selection point stands: the atom index it precedes. */
type PointIndex = Map<string, number[]>;

function sameAtom(a: Atom, b: Atom): boolean {
  if (a.t === 'char' && b.t === 'char') return a.ch === b.ch;
  if (a.t === 'leaf' && b.t === 'leaf') return a.node.getType() === b.node.getType();
  return a.t === 'mark' && b.t === 'mark';
}

/** The atoms of paragraphs; `points` gets, per node key, the atom index before each offset. */
function linearize(blocks: readonly DeskParagraphNode[], current: boolean, points?: PointIndex): Atom[] {
  const atoms: Atom[] = [];
  const inline = (parent: ElementNode, sug: Sug | null): void => {
    const starts: number[] = [];
    for (const child of parent.getChildren()) {
      starts.push(atoms.length);
      if ($isSuggestionNode(child)) inline(child, { kind: child.getKind(), meta: child.getMeta() });
      else if ($isTextNode(child) && child.getType() === 'text') {
        const text = child.getTextContent();
        points?.set(child.getKey(), [...Array(text.length + 1).keys()].map((i) => atoms.length + i));
        for (const ch of text) atoms.push({ t: 'char', ch, format: child.getFormat(), style: child.getStyle(), sug });
      } else atoms.push({ t: 'leaf', node: child, current, sug });
    }
    starts.push(atoms.length);
    points?.set(parent.getKey(), starts);
  };
  for (const block of blocks) {
    const { split, join } = block.getSuggestions();
    atoms.push({ t: 'mark', node: block, current, split, join });
    inline(block, null);
  }
  return atoms;
}

function treeOf(node: LexicalNode): LexicalNode[] {
  return $isElementNode(node) ? [node, ...node.getChildren().flatMap(treeOf)] : [node];
}

function sameTree(a: readonly LexicalNode[], b: readonly LexicalNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

/** Turns the edits of each plain update into suggestions by `author`, until the returned function is called. */
export function registerSuggesting(editor: LexicalEditor, author: SuggestionAuthor): () => void {
  return editor.registerNodeTransform(RootNode, () => {
    if ($hasUpdateTag('collaboration') || $hasUpdateTag('historic')) return;
    $captureSuggestions(editor.getEditorState(), author);
  });
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

  const before = prevState.read(() => linearize(prevBlocks, false));
  const points: PointIndex = new Map();
  const after = linearize(nextBlocks, true, points);
  const selection = $getSelection();
  const caretOf = (point: PointType): number | undefined => points.get(point.key)?.[point.offset];
  const caret = $isRangeSelection(selection) && selection.isCollapsed() ? caretOf(selection.anchor) : undefined;

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
  const removed = before.slice(p, before.length - s);
  const inserted = after.slice(p, after.length - s);
  if (removed.length === 0 && inserted.length === 0) return;

  const insertMeta = newSuggestionMeta(author);
  const deleteMeta = newSuggestionMeta(author);
  const insertSug: Sug = { kind: 'insert', meta: insertMeta };
  const deleteSug: Sug = { kind: 'delete', meta: deleteMeta };
  const keptRemoved: Atom[] = removed.flatMap((atom): Atom[] => {
    if (atom.t === 'mark') return atom.split ? [] : [{ ...atom, join: atom.join ?? newSuggestionMeta(author) }];
    if (atom.sug?.kind === 'insert') return [];
    return [{ ...atom, sug: atom.sug ?? deleteSug }];
  });
  const keptInserted: Atom[] = inserted.map((atom): Atom => {
    if (atom.t === 'mark') return atom.split ? atom : { ...atom, split: newSuggestionMeta(author), join: null };
    return atom.sug?.kind === 'insert' ? atom : { ...atom, sug: insertSug };
  });
  const resolved = [...after.slice(0, p), ...keptRemoved, ...keptInserted, ...after.slice(after.length - s)];
  adoptNeighbourIds(resolved, insertMeta, author);
  adoptNeighbourIds(resolved, deleteMeta, author);
  if (resolved[0]?.t !== 'mark') return;
  // Nothing to change (pending insertions really removed, own typing inside an insertion): done,
  // which also ends the transform loop after a rebuild.
  if (resolved.length === after.length && resolved.every((atom, i) => atom === after[i])) return;

  const mapped = (index: number | undefined): number | undefined => {
    if (index === undefined) return undefined;
    if (index < p || (index === p && inserted.length === 0)) return index;
    return index + keptRemoved.length;
  };
  const place = $rebuild(resolved, nextMiddle, next[next.length - tail]);
  const target = mapped(caret);
  if (target !== undefined) {
    const point = place(target);
    if (point) {
      const range = $createRangeSelection();
      range.anchor.set(point.key, point.offset, point.type);
      range.focus.set(point.key, point.offset, point.type);
      $setSelection(range);
    }
  }
}

/** New pieces next to a pending piece of the same kind and author join that piece's suggestion. */
function adoptNeighbourIds(atoms: Atom[], fresh: SuggestionMeta, author: SuggestionAuthor): void {
  const sugOf = (atom: Atom | undefined): Sug | null => (atom && atom.t !== 'mark' ? atom.sug : null);
  for (let i = 0; i < atoms.length; i += 1) {
    const atom = atoms[i];
    if (atom.t === 'mark' || atom.sug?.meta !== fresh) continue;
    let end = i;
    while (end < atoms.length && sugOf(atoms[end])?.meta === fresh) end += 1;
    const kind = atom.sug.kind;
    const neighbour = [sugOf(atoms[i - 1]), sugOf(atoms[end])]
      .find((sug) => sug !== null && sug.kind === kind && sug.meta !== fresh && sug.meta.authorId === author.id);
    if (neighbour) {
      for (let j = i; j < end; j += 1) {
        const piece = atoms[j];
        if (piece.t !== 'mark') atoms[j] = { ...piece, sug: neighbour };
      }
    }
    i = end - 1;
  }
}

interface Place { key: string; offset: number; type: 'text' | 'element' }

/**
 * Replaces the paragraphs `old` with the paragraphs of `atoms`, before `anchor` (or at the end),
 * reusing the paragraph nodes still in the body. Returns where each atom index stands.
 */
function $rebuild(atoms: readonly Atom[], old: readonly LexicalNode[], anchor: LexicalNode | undefined): (index: number) => Place | null {
  const places: Array<Place | null> = [];
  const used = new Set<string>();
  const blocks: DeskParagraphNode[] = [];
  let block: DeskParagraphNode | null = null;
  let text: { chars: string; format: number; style: string; sug: Sug | null } | null = null;
  let wrapper: { sug: Sug; node: ElementNode } | null = null;
  const target = (sug: Sug | null): ElementNode | null => {
    if (block === null) return null;
    if (sug === null) { wrapper = null; return block; }
    if (wrapper === null || wrapper.sug.meta.id !== sug.meta.id || wrapper.sug.kind !== sug.kind) {
      wrapper = { sug, node: $createSuggestionNode(sug.kind, sug.meta) };
      block.append(wrapper.node);
    }
    return wrapper.node;
  };
  const flush = (): void => {
    if (text === null) return;
    const node = $createTextNode(text.chars).setFormat(text.format).setStyle(text.style);
    target(text.sug)?.append(node);
    const key = node.getKey();
    for (let i = places.length - text.chars.length; i < places.length; i += 1) {
      places[i] = { key, offset: i - (places.length - text.chars.length) + 1, type: 'text' };
    }
    text = null;
  };
  for (const atom of atoms) {
    if (atom.t === 'mark') {
      flush();
      wrapper = null;
      const reuse = atom.current && !used.has(atom.node.getKey());
      const node: DeskParagraphNode = reuse ? atom.node : $copyNode(atom.node);
      used.add(node.getKey());
      for (const child of node.getChildren()) child.remove();
      node.setSuggestions({ split: atom.split, join: atom.join });
      blocks.push(node);
      block = node;
      places.push({ key: node.getKey(), offset: 0, type: 'element' });
    } else if (atom.t === 'char') {
      if (text && (text.format !== atom.format || text.style !== atom.style || text.sug !== atom.sug)) flush();
      if (text === null) text = { chars: '', format: atom.format, style: atom.style, sug: atom.sug };
      text.chars += atom.ch;
      places.push(null);
    } else {
      flush();
      const leaf = atom.current ? atom.node : $copyNode(atom.node);
      target(atom.sug)?.append(leaf);
      const parent = leaf.getParent();
      places.push(parent ? { key: parent.getKey(), offset: leaf.getIndexWithinParent() + 1, type: 'element' } : null);
    }
  }
  flush();
  for (const node of old) if (!used.has(node.getKey())) node.remove();
  for (const node of blocks) {
    if (anchor) anchor.insertBefore(node);
    else $getRoot().append(node);
  }
  return (index) => places[index - 1] ?? null;
}
