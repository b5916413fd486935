/**
 * Keeps characters where they are in the Y.Doc when a paragraph's text nodes are split, merged or
 * re-formatted, or a line break or an inline element (a 修订 insertion) is put between them.
 *
 * Lexical's Yjs binding (v1) stores a paragraph as one Y.XmlText in which every text node is a
 * Y.Map embed (its format) followed by its characters, and every other child one embed. When a
 * writer bolds "乙丙" inside "甲乙丙丁戊", Lexical splits the node into "甲", "乙丙" (bold), "丁戊", and
 * the binding, which diffs children by node key, deletes "乙丙丁戊" and inserts fresh copies after
 * two new embeds; Shift+Enter in the middle of a node does the same to the text after the caret.
 * Characters that were deleted and re-created are no longer the characters other writers are
 * editing: text a colleague typed inside that range at the same moment lands somewhere else, and two
 * writers formatting overlapping ranges at once see the text twice. What the writer saw is not what
 * is stored.
 *
 * Here the paragraph is re-partitioned instead: the character difference is applied, then the embeds
 * of text nodes that no longer start where they did are deleted and new ones inserted at the new
 * boundaries, and line breaks and inline elements that were removed or added are deleted or inserted
 * at their places, leaving every other character as the same Yjs item. Anything this does not
 * recognise (a node moved in from elsewhere, a decorator, an element holding moved nodes) keeps the
 * binding's own behaviour. The receiving side is collabChildren.ts; collabBinding.ts installs both.
 */
import * as Y from 'yjs';
import type { Binding } from '@lexical/yjs';
import {
  $createChildrenArray, $getNodeByKey, $isElementNode, $isLineBreakNode, $isTextNode, TextNode,
  type ElementNode, type LexicalNode, type NodeKey, type NodeMap,
} from 'lexical';
import {
  isBindingCollabNode, isCollabText,
  type CollabChild, type CollabClasses, type CollabElement, type CollabText, type DirtyElements, type DirtyLeaves,
} from './collabInternals';

/** One token of the paragraph as it stands in its Y.XmlText: a text node's embed, a character, another child. */
type Token = { embed: CollabText | null } | { char: true } | { object: CollabChild | null };

type Op =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insertText'; at: number; text: string }
  | { kind: 'insert'; at: number; node: LexicalNode };

interface Plan {
  ops: Op[];
  /** Previous collab children kept, by key. */
  kept: Map<NodeKey, CollabChild>;
  /** Previous collab children whose embeds are deleted. */
  dropped: CollabChild[];
  next: LexicalNode[];
}

const CHAR: Token = { char: true };

/** The collab node a token stands for (null for a character, or a node not created yet). */
function nodeOf(token: Token | undefined): CollabChild | null {
  if (token === undefined || 'char' in token) return null;
  return 'embed' in token ? token.embed : token.object;
}

function sameKeys(a: readonly NodeKey[], b: readonly NodeKey[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

function textOf(node: LexicalNode | null | undefined): string {
  return $isTextNode(node) ? node.__text : '';
}

/** The token index of the `n`-th character (0-based), or tokens.length past the last. */
function charToken(tokens: readonly Token[], n: number): number {
  let seen = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    if ('char' in tokens[index]) {
      if (seen === n) return index;
      seen += 1;
    }
  }
  return tokens.length;
}

/** Whether text passed between these children: the element's text is the same, two or more text children's are not. */
function textMovedBetween(prev: ElementNode, next: ElementNode, keys: readonly NodeKey[], prevNodeMap: NodeMap): boolean {
  let changed = 0;
  for (const key of keys) {
    const node = $getNodeByKey(key);
    const was = prevNodeMap.get(key);
    if ($isTextNode(node) && $isTextNode(was) && node.__text !== was.__text) changed += 1;
  }
  if (changed < 2) return false;
  const textOfChildren = (element: ElementNode, map: NodeMap | null): string => $createChildrenArray(element, map)
    .map((key) => textOf(map ? map.get(key) : $getNodeByKey(key))).join('');
  return textOfChildren(prev, prevNodeMap) === textOfChildren(next, null);
}

/** Common prefix and suffix: the one replaced range that turns `before` into `after`. */
function textDiff(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < limit - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** A brand-new node this module may insert itself: a line break, or an element whose whole subtree is new. */
function $isNewInsertable(node: LexicalNode, prevNodeMap: NodeMap): boolean {
  if (prevNodeMap.has(node.__key)) return false;
  if ($isLineBreakNode(node)) return true;
  if (!$isElementNode(node)) return false;
  return node.getChildren().every((child) => ($isTextNode(child) && !prevNodeMap.has(child.__key)) || $isNewInsertable(child, prevNodeMap));
}

/** Where each next child starts: characters of text before it, and kept other children before it. */
function starts(nodes: readonly LexicalNode[], keptKeys: readonly NodeKey[]): Array<{ chars: number; objects: number }> {
  let chars = 0;
  let objects = 0;
  return nodes.map((node) => {
    const at = { chars, objects };
    if ($isTextNode(node)) chars += node.__text.length;
    else if (keptKeys.includes(node.__key)) objects += 1;
    return at;
  });
}

/**
 * Plans the paragraph: previous collab children `prev` (with their previous Lexical nodes) become
 * `next`. Null when this is not a change this module handles.
 */
function planParagraph(
  prev: readonly CollabChild[], prevNodes: ReadonlyArray<LexicalNode | undefined>, next: readonly LexicalNode[],
  prevNodeMap: NodeMap,
): Plan | null {
  const prevKeys = prev.map((node) => node._key);
  const nextKeys = next.map((node) => node.__key);
  for (const node of next) {
    const index = prevKeys.indexOf(node.__key);
    if (index < 0) {
      // New here: a text node, or a line break or element made entirely of new nodes.
      if (prevNodeMap.has(node.__key)) return null;
      if (!$isTextNode(node) && !$isNewInsertable(node, prevNodeMap)) return null;
    } else if ($isTextNode(node) !== isCollabText(prev[index])) return null;
  }
  if (next.some((node) => $isTextNode(node) && node.__text === '')) return null;
  if (prev.some((node, i) => isCollabText(node) && (node._normalized || node._text !== textOf(prevNodes[i]) || node._text === ''))) return null;
  // Non-text children kept must keep their order.
  const keptObjects = prevKeys.filter((key, i) => !isCollabText(prev[i]) && nextKeys.includes(key));
  if (!sameKeys(keptObjects, nextKeys.filter((key) => keptObjects.includes(key)))) return null;

  const tokens: Token[] = [];
  prev.forEach((node, index) => {
    if (!isCollabText(node)) {
      tokens.push({ object: node });
      return;
    }
    tokens.push({ embed: node });
    for (let i = 0; i < textOf(prevNodes[index]).length; i += 1) tokens.push(CHAR);
  });
  const ops: Op[] = [];
  const deleteAt = (at: number, length: number): void => {
    tokens.splice(at, length);
    ops.push({ kind: 'delete', at, length });
  };
  // 1. The character difference.
  const diff = textDiff(prevNodes.map(textOf).join(''), next.map(textOf).join(''));
  const removed: number[] = [];
  let seen = 0;
  tokens.forEach((token, index) => {
    if (!('char' in token)) return;
    if (seen >= diff.index && seen < diff.index + diff.remove) removed.push(index);
    seen += 1;
  });
  for (let last = removed.length - 1; last >= 0;) {
    let first = last;
    while (first > 0 && removed[first - 1] === removed[first] - 1) first -= 1;
    deleteAt(removed[first], last - first + 1);
    last = first - 1;
  }
  if (diff.insert !== '') {
    // After the character before the insertion point (the new text joins that character's node);
    // at the start, right before the first character.
    const at = diff.index === 0 ? charToken(tokens, 0) : charToken(tokens, diff.index - 1) + 1;
    tokens.splice(at, 0, ...Array.from(diff.insert, () => CHAR));
    ops.push({ kind: 'insertText', at, text: diff.insert });
  }
  // 2. Children removed, and text embeds that no longer start their node's text.
  const wanted = starts(next, keptObjects);
  const kept = new Map<NodeKey, CollabChild>();
  let chars = 0;
  let objects = 0;
  for (const token of tokens) {
    if ('char' in token) { chars += 1; continue; }
    const node = nodeOf(token);
    if (node === null) continue;
    const index = nextKeys.indexOf(node._key);
    if (index >= 0 && ('object' in token || (wanted[index].chars === chars && wanted[index].objects === objects))) kept.set(node._key, node);
    if ('object' in token && index >= 0) objects += 1;
  }
  const dropped = prev.filter((node) => kept.get(node._key) !== node);
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const node = nodeOf(tokens[index]);
    if (node !== null && dropped.includes(node)) deleteAt(index, 1);
  }
  // 3. Walk the next children: what is kept must stand where it belongs; what is new goes there.
  let cursor = 0;
  for (const node of next) {
    const keptNode = kept.get(node.__key);
    if (keptNode) {
      if (nodeOf(tokens[cursor]) !== keptNode) return null;
    } else {
      tokens.splice(cursor, 0, $isTextNode(node) ? { embed: null } : { object: null });
      ops.push({ kind: 'insert', at: cursor, node });
    }
    cursor += 1;
    for (let i = 0; i < textOf(node).length; i += 1, cursor += 1) {
      const char = tokens[cursor];
      if (char === undefined || !('char' in char)) return null;
    }
  }
  if (cursor !== tokens.length) return null;
  return { ops, kept, dropped, next: [...next] };
}

/** A new collab node for `node` over a new shared type (not yet in the Y.XmlText). */
function newCollabNode(binding: Binding, parent: CollabElement, node: LexicalNode, classes: CollabClasses): { collab: CollabChild; shared: Y.Map<unknown> | Y.XmlText } {
  if ($isTextNode(node)) {
    const map = new Y.Map<unknown>();
    const collab = new classes.Text(map, node.__text, parent, node.__type);
    Reflect.set(map, '_collabNode', collab);
    collab._key = node.__key;
    collab.syncPropertiesAndTextFromLexical(binding, node, null);
    return { collab, shared: map };
  }
  if ($isLineBreakNode(node)) {
    const map = new Y.Map<unknown>();
    map.set('__type', 'linebreak');
    const collab = new classes.LineBreak(map, parent);
    Reflect.set(map, '_collabNode', collab);
    collab._key = node.__key;
    return { collab, shared: map };
  }
  if (!$isElementNode(node)) throw new Error('collabTextRuns: cannot insert this node');
  const xmlText = new Y.XmlText();
  const collab = new classes.Element(xmlText, parent, node.__type);
  Reflect.set(xmlText, '_collabNode', collab);
  collab._key = node.__key;
  collab.syncPropertiesFromLexical(binding, node, null);
  collab.syncChildrenFromLexical(binding, node, null, null, null);
  return { collab, shared: xmlText };
}

/** Applies a plan to the Y.XmlText and the collab children. */
function applyPlan(collab: CollabElement, binding: Binding, plan: Plan, prevNodeMap: NodeMap, classes: CollabClasses): void {
  const xmlText = collab._xmlText;
  for (const node of plan.dropped) node.destroy(binding);
  const created = new Map<NodeKey, CollabChild>();
  for (const op of plan.ops) {
    if (op.kind === 'delete') xmlText.delete(op.at, op.length);
    else if (op.kind === 'insertText') xmlText.insert(op.at, op.text);
    else {
      const { collab: node, shared } = newCollabNode(binding, collab, op.node, classes);
      xmlText.insertEmbed(op.at, shared);
      created.set(op.node.__key, node);
    }
  }
  collab._children = plan.next.map((next) => {
    const kept = plan.kept.get(next.__key);
    const node = kept ?? created.get(next.__key);
    if (!node) throw new Error('collabTextRuns: a planned node was not created');
    if (kept && isCollabText(kept) && next instanceof TextNode) {
      // Its characters are already in place: sync the format against the previous node's, read
      // through a stand-in whose text is already the new one.
      const standIn: unknown = Object.create(prevNodeMap.get(next.__key) ?? null, { __text: { value: next.__text } });
      kept._text = next.__text;
      kept.syncPropertiesAndTextFromLexical(binding, next, standIn instanceof TextNode ? new Map([[next.__key, standIn]]) : null);
    }
    if (isBindingCollabNode(node)) binding.collabNodeMap.set(next.__key, node);
    return node;
  });
}

/**
 * The replacement for CollabElementNode.syncChildrenFromLexical's start, for an element that holds
 * text: handles it when its children can be re-partitioned in place (see above); returns false,
 * touching nothing, otherwise.
 */
export function $syncTextRunsInPlace(
  collab: CollabElement, binding: Binding, next: ElementNode, prevNodeMap: NodeMap | null,
  dirtyElements: DirtyElements, dirtyLeaves: DirtyLeaves, classes: CollabClasses,
): boolean {
  if (prevNodeMap === null) return false;
  const prev = collab.getPrevNode(prevNodeMap);
  if (prev === null) return false;
  const prevKeys = $createChildrenArray(prev, prevNodeMap);
  const nextKeys = $createChildrenArray(next, null);
  // The same children: the binding's own per-node diff is right for typing and for edits in several
  // nodes at once (replace all). Only text that passed from a node to its neighbour (the paragraph's
  // text unchanged, two nodes' texts changed) would be deleted from one and re-created in the other.
  if (sameKeys(prevKeys, nextKeys) && !textMovedBetween(prev, next, nextKeys, prevNodeMap)) return false;
  const children = collab._children;
  if (children.length !== prevKeys.length || children.some((child, index) => child._key !== prevKeys[index])) return false;
  if (!children.some(isCollabText)) return false;
  const nextNodes: LexicalNode[] = [];
  for (const key of nextKeys) {
    const node = $getNodeByKey(key);
    if (node === null) return false;
    nextNodes.push(node);
  }
  const plan = planParagraph(children, prevKeys.map((key) => prevNodeMap.get(key)), nextNodes, prevNodeMap);
  if (plan === null) return false;
  applyPlan(collab, binding, plan, prevNodeMap, classes);
  nextKeys.forEach((key, index) => {
    const node = plan.kept.get(key);
    if (node !== undefined && !isCollabText(node)) collab._syncChildFromLexical(binding, index, key, prevNodeMap, dirtyElements, dirtyLeaves);
  });
  return true;
}
