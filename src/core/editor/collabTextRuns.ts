/**
 * Keeps characters where they are in the Y.Doc when a paragraph's text nodes are split, merged or
 * re-formatted.
 *
 * Lexical's Yjs binding (v1) stores a paragraph as one Y.XmlText in which every text node is a
 * Y.Map embed (its format) followed by its characters. When a writer bolds "乙丙" inside "甲乙丙丁戊",
 * Lexical splits the node into "甲", "乙丙" (bold), "丁戊", and the binding, which diffs children by
 * node key, deletes "乙丙丁戊" and inserts fresh copies after two new embeds. Characters that were
 * deleted and re-created are no longer the characters other writers are editing: text a colleague
 * typed inside that range at the same moment lands somewhere else, and two writers formatting
 * overlapping ranges at once see the text twice. What the writer saw is not what is stored.
 *
 * Here the binding re-partitions instead: when only the text-node boundaries (and possibly some
 * characters) of a run of text nodes changed, the format embeds are inserted and deleted at the new
 * boundaries and the character difference is applied, leaving every other character as the same
 * Yjs item. Anything this does not recognise keeps the binding's own behaviour. The receiving side
 * is collabChildren.ts; collabBinding.ts installs both.
 */
import * as Y from 'yjs';
import type { Binding } from '@lexical/yjs';
import {
  $createChildrenArray, $getNodeByKey, $isTextNode, TextNode, type ElementNode, type LexicalNode, type NodeKey, type NodeMap,
} from 'lexical';
import {
  isBindingCollabNode, isCollabText, isCollabTextClass,
  type CollabElement, type CollabText, type CollabTextClass, type DirtyElements, type DirtyLeaves,
} from './collabInternals';

/** One token of a run as it stands in the Y.XmlText: a node's format embed, or one character. */
type Token = { embed: CollabText | null } | { char: true };

type Op =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insertText'; at: number; text: string }
  | { kind: 'insertEmbed'; at: number; key: NodeKey; node: TextNode };

/** What to do to one run of text nodes whose keys changed. */
interface RunPlan {
  /** Index in the collab children of the run's first (previous) node. */
  first: number;
  /** How many previous nodes the run had. */
  prevCount: number;
  ops: Op[];
  /** Per next node: the previous collab node kept for it, or null for a new one. */
  kept: Array<CollabText | null>;
  /** Previous collab nodes whose embeds are deleted. */
  dropped: CollabText[];
  nextKeys: NodeKey[];
  nextNodes: TextNode[];
}

const CHAR: Token = { char: true };

function sameKeys(a: readonly NodeKey[], b: readonly NodeKey[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** Index ranges of the maximal runs of text keys, one per gap around the non-text keys. */
function runsOf(isText: readonly boolean[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = 0;
  isText.forEach((text, index) => {
    if (!text) {
      runs.push([start, index]);
      start = index + 1;
    }
  });
  runs.push([start, isText.length]);
  return runs;
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

/** Common prefix and suffix: the one replaced range that turns `before` into `after`. */
function textDiff(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < limit - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/**
 * Plans one run: previous collab nodes `prev` (with their Lexical texts) become `nextNodes`. Null
 * when the run is not a re-partition this module handles.
 */
function planRun(
  first: number, prev: readonly CollabText[], prevTexts: readonly string[], nextNodes: readonly TextNode[],
): RunPlan | null {
  const nextTexts = nextNodes.map((node) => node.__text);
  if (prevTexts.some((text) => text === '') || nextTexts.some((text) => text === '')) return null;
  const tokens: Token[] = [];
  prev.forEach((node, index) => {
    tokens.push({ embed: node });
    for (let i = 0; i < prevTexts[index].length; i += 1) tokens.push(CHAR);
  });
  const ops: Op[] = [];
  const diff = textDiff(prevTexts.join(''), nextTexts.join(''));
  // Characters removed: delete each contiguous range of their tokens, the last range first.
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
    const at = removed[first];
    const length = last - first + 1;
    tokens.splice(at, length);
    ops.push({ kind: 'delete', at, length });
    last = first - 1;
  }
  if (diff.insert !== '') {
    // After the character before the insertion point, so an embed that starts a node there stays
    // after the new text; at the run's start, after its leading embeds.
    let at = diff.index === 0 ? 0 : charToken(tokens, diff.index - 1) + 1;
    if (diff.index === 0) while (at < tokens.length && 'embed' in tokens[at]) at += 1;
    tokens.splice(at, 0, ...Array.from(diff.insert, () => CHAR));
    ops.push({ kind: 'insertText', at, text: diff.insert });
  }
  // Keep an embed when it already stands right before its node's first character.
  const starts: number[] = [];
  nextTexts.reduce((offset, text) => { starts.push(offset); return offset + text.length; }, 0);
  const nextKeys = nextNodes.map((node) => node.__key);
  const kept: Array<CollabText | null> = nextNodes.map(() => null);
  let chars = 0;
  for (const token of tokens) {
    if ('char' in token) { chars += 1; continue; }
    const embed = token.embed;
    if (embed === null) continue;
    const index = nextKeys.indexOf(embed._key);
    if (index >= 0 && starts[index] === chars && kept[index] === null) kept[index] = embed;
  }
  const dropped = prev.filter((node) => !kept.includes(node));
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index];
    if ('embed' in token && token.embed !== null && dropped.includes(token.embed)) {
      tokens.splice(index, 1);
      ops.push({ kind: 'delete', at: index, length: 1 });
    }
  }
  nextNodes.forEach((node, index) => {
    if (kept[index] !== null) return;
    const at = charToken(tokens, starts[index]);
    tokens.splice(at, 0, { embed: null });
    ops.push({ kind: 'insertEmbed', at, key: node.__key, node });
  });
  // The run must now read: embed, its characters, for every next node in order.
  let cursor = 0;
  for (const text of nextTexts) {
    if (!('embed' in (tokens[cursor] ?? CHAR))) return null;
    cursor += 1;
    for (let i = 0; i < text.length; i += 1, cursor += 1) if (!('char' in (tokens[cursor] ?? { embed: null }))) return null;
  }
  if (cursor !== tokens.length) return null;
  return { first, prevCount: prev.length, ops, kept, dropped, nextKeys, nextNodes: [...nextNodes] };
}

function textOf(node: LexicalNode | undefined): string {
  return $isTextNode(node) ? node.__text : '';
}

/** Applies a planned run to the Y.XmlText and the collab children. */
function applyRun(collab: CollabElement, binding: Binding, plan: RunPlan, prevNodeMap: NodeMap, TextClass: CollabTextClass): void {
  const xmlText = collab._xmlText;
  const runStart = collab.getChildOffset(collab._children[plan.first]);
  for (const node of plan.dropped) node.destroy(binding);
  const created = new Map<NodeKey, CollabText>();
  for (const op of plan.ops) {
    if (op.kind === 'delete') xmlText.delete(runStart + op.at, op.length);
    else if (op.kind === 'insertText') xmlText.insert(runStart + op.at, op.text);
    else {
      const map = new Y.Map<unknown>();
      const node = new TextClass(map, op.node.__text, collab, op.node.__type);
      Reflect.set(map, '_collabNode', node);
      node._key = op.key;
      node.syncPropertiesAndTextFromLexical(binding, op.node, null);
      xmlText.insertEmbed(runStart + op.at, map);
      created.set(op.key, node);
    }
  }
  const children = plan.nextNodes.map((next, index) => {
    const kept = plan.kept[index];
    const node = kept ?? created.get(next.__key);
    if (!node) throw new Error('collabTextRuns: a planned node was not created');
    if (kept) {
      // Its characters are already in place: sync the format against the previous node's, read
      // through a stand-in whose text is already the new one.
      const standIn: unknown = Object.create(prevNodeMap.get(next.__key) ?? null, { __text: { value: next.__text } });
      kept._text = next.__text;
      kept.syncPropertiesAndTextFromLexical(binding, next, standIn instanceof TextNode ? new Map([[next.__key, standIn]]) : null);
    }
    if (isBindingCollabNode(node)) binding.collabNodeMap.set(next.__key, node);
    return node;
  });
  collab._children.splice(plan.first, plan.prevCount, ...children);
}

/**
 * The replacement for CollabElementNode.syncChildrenFromLexical's start: handles the element when
 * its non-text children are unchanged and every run of text nodes whose keys changed can be
 * re-partitioned in place; returns false (touching nothing) otherwise.
 */
export function $syncTextRunsInPlace(
  collab: CollabElement, binding: Binding, next: ElementNode, prevNodeMap: NodeMap | null,
  dirtyElements: DirtyElements, dirtyLeaves: DirtyLeaves,
): boolean {
  if (prevNodeMap === null) return false;
  const prev = collab.getPrevNode(prevNodeMap);
  if (prev === null) return false;
  const prevKeys = $createChildrenArray(prev, prevNodeMap);
  const nextKeys = $createChildrenArray(next, null);
  if (sameKeys(prevKeys, nextKeys)) return false;
  const children = collab._children;
  if (children.length !== prevKeys.length || children.some((child, index) => child._key !== prevKeys[index])) return false;
  const prevIsText = prevKeys.map((key, index) => $isTextNode(prevNodeMap.get(key)) && isCollabText(children[index]));
  const nextNodes = nextKeys.map((key) => $getNodeByKey(key));
  const nextIsText = nextNodes.map((node) => $isTextNode(node));
  if (!sameKeys(prevKeys.filter((_, i) => !prevIsText[i]), nextKeys.filter((_, i) => !nextIsText[i]))) return false;
  const prevRuns = runsOf(prevIsText);
  const nextRuns = runsOf(nextIsText);
  const plans: RunPlan[] = [];
  let TextClass: CollabTextClass | null = null;
  for (let run = 0; run < prevRuns.length; run += 1) {
    const [prevStart, prevEnd] = prevRuns[run];
    const [nextStart, nextEnd] = nextRuns[run];
    const runPrevKeys = prevKeys.slice(prevStart, prevEnd);
    const runNextKeys = nextKeys.slice(nextStart, nextEnd);
    if (sameKeys(runPrevKeys, runNextKeys)) continue;
    if (runPrevKeys.length === 0 || runNextKeys.length === 0) return false;
    // A node that moved here from elsewhere (another run or paragraph) is the binding's business.
    if (runNextKeys.some((key) => prevNodeMap.has(key) && !runPrevKeys.includes(key))) return false;
    const prevCollab = children.slice(prevStart, prevEnd).filter(isCollabText);
    const prevTexts = runPrevKeys.map((key) => textOf(prevNodeMap.get(key)));
    if (prevCollab.some((node, i) => node._normalized || node._text !== prevTexts[i])) return false;
    const runNextNodes = nextNodes.slice(nextStart, nextEnd).filter($isTextNode);
    const plan = planRun(prevStart, prevCollab, prevTexts, runNextNodes);
    if (plan === null) return false;
    const constructor: unknown = prevCollab[0].constructor;
    if (isCollabTextClass(constructor)) TextClass ??= constructor;
    plans.push(plan);
  }
  if (plans.length === 0 || TextClass === null) return false;
  // Last run first, so the offsets of earlier runs stay as planned.
  for (const plan of [...plans].reverse()) applyRun(collab, binding, plan, prevNodeMap, TextClass);
  const changed = new Set(plans.flatMap((plan) => plan.nextKeys));
  nextKeys.forEach((key, index) => {
    if (!changed.has(key)) collab._syncChildFromLexical(binding, index, key, prevNodeMap, dirtyElements, dirtyLeaves);
  });
  return true;
}
