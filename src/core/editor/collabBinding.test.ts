import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $isElementNode, $isTextNode, $setSelection,
  type ElementNode, type LexicalEditor, type RangeSelection, type TextFormatType,
} from 'lexical';
import { createUndoManager } from '@lexical/yjs';
import { bindHeadlessEditor, readBody, type BoundEditor } from './headless';
import { seededRandom } from '../../../test/support/random';

/** Editors on their own Y.Docs, exchanging updates only when told to. */
function peers(count: number) {
  // Fixed client ids, so that a seed replays the same conflict resolution.
  const docs = Array.from({ length: count }, (_, index) => { const doc = new Y.Doc(); doc.clientID = index + 1; return doc; });
  const bound: BoundEditor[] = docs.map((doc) => bindHeadlessEditor(doc));
  const sync = (from: number, to: number): void => {
    Y.applyUpdate(docs[to], Y.encodeStateAsUpdate(docs[from], Y.encodeStateVector(docs[to])));
  };
  const syncAll = (): void => {
    for (let round = 0; round < 2; round += 1) for (let i = 0; i < count; i += 1) for (let j = 0; j < count; j += 1) if (i !== j) sync(i, j);
  };
  disposers.push(() => bound.forEach((entry) => entry.dispose()));
  const undoManagers = bound.map((entry) => createUndoManager(entry.binding, entry.binding.root.getSharedType()));
  return { docs, editors: bound.map((entry) => entry.editor), undoManagers, sync, syncAll };
}

const disposers: Array<() => void> = [];
afterEach(() => { disposers.splice(0).forEach((dispose) => dispose()); });

function paragraphs(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((block) => block.getTextContent()));
}

/** Text with formats shown: bold as *…*, italic as /…/, underline as _…_. */
function marked(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((block) => {
    if (!$isElementNode(block)) return block.getTextContent();
    return block.getChildren().map((node) => {
      if (!$isTextNode(node)) return node.getTextContent();
      let text = node.getTextContent();
      if (node.hasFormat('bold')) text = `*${text}*`;
      if (node.hasFormat('italic')) text = `/${text}/`;
      if (node.hasFormat('underline')) text = `_${text}_`;
      return text;
    }).join('');
  }));
}

function fill(editor: LexicalEditor, lines: readonly string[]): void {
  editor.update(() => {
    const root = $getRoot().clear();
    for (const line of lines) root.append($createParagraphNode().append(...(line ? [$createTextNode(line)] : [])));
  }, { discrete: true });
}

/** A point at character `offset` of `block`, on a text node when it has one. */
function $point(block: ElementNode, offset: number, atStart: boolean): { key: string; offset: number; type: 'text' | 'element' } {
  let seen = 0;
  const texts = block.getChildren().filter($isTextNode);
  for (const [index, node] of texts.entries()) {
    const size = node.getTextContentSize();
    const last = index === texts.length - 1;
    if (atStart ? offset < seen + size || (last && offset === seen + size) : offset <= seen + size) {
      return { key: node.getKey(), offset: offset - seen, type: 'text' };
    }
    seen += size;
  }
  return { key: block.getKey(), offset: block.getChildrenSize(), type: 'element' };
}

function $select(paragraph: number, from: number, to: number = from): RangeSelection {
  const block = $getRoot().getChildAtIndex(paragraph);
  if (!$isElementNode(block)) throw new Error(`no paragraph ${paragraph}`);
  // A range starts in the node after a boundary and ends in the node before it, as a mouse selects.
  const anchor = $point(block, from, from < to);
  const focus = $point(block, to, false);
  const selection = $createRangeSelection();
  selection.anchor.set(anchor.key, anchor.offset, anchor.type);
  selection.focus.set(focus.key, focus.offset, focus.type);
  // As in the browser, a selection takes the format of the text it starts in.
  const start = selection.anchor.getNode();
  if ($isTextNode(start)) selection.format = start.getFormat();
  $setSelection(selection);
  return selection;
}

function edit(editor: LexicalEditor, run: () => void): void {
  editor.update(run, { discrete: true });
}

describe('formatting part of a paragraph while another writer edits it', () => {
  it('keeps a character typed inside the range another writer bolds where it was typed', () => {
    const { editors: [a, b], syncAll } = peers(2);
    fill(a, ['甲乙丙丁戊']);
    syncAll();
    edit(a, () => { $select(0, 1, 3).formatText('bold'); });
    edit(b, () => { $select(0, 2).insertText('X'); });
    syncAll();
    expect(marked(a)).toEqual(marked(b));
    expect(paragraphs(a)).toEqual(['甲乙X丙丁戊']);
    expect(marked(a)).toEqual(['甲*乙X丙*丁戊']);
  });

  it('keeps the text once when two writers format overlapping ranges at once', () => {
    const { editors: [a, b], syncAll } = peers(2);
    fill(a, ['甲乙丙丁戊']);
    syncAll();
    edit(a, () => { $select(0, 1, 3).formatText('bold'); });
    edit(b, () => { $select(0, 2, 4).formatText('italic'); });
    syncAll();
    expect(marked(a)).toEqual(marked(b));
    expect(paragraphs(a)).toEqual(['甲乙丙丁戊']);
  });

  it('keeps typing in place when another writer removes bold and the pieces merge', () => {
    const { editors: [a, b], syncAll } = peers(2);
    fill(a, ['甲乙丙丁戊']);
    edit(a, () => { $select(0, 1, 3).formatText('bold'); });
    syncAll();
    expect(marked(b)).toEqual(['甲*乙丙*丁戊']);
    edit(a, () => { $select(0, 1, 3).formatText('bold'); });
    expect(marked(a)).toEqual(['甲乙丙丁戊']);
    edit(b, () => { $select(0, 4).insertText('X'); });
    syncAll();
    expect(marked(a)).toEqual(marked(b));
    expect(paragraphs(a)).toEqual(['甲乙丙丁X戊']);
  });

  it('keeps typing in place when another writer deletes a bold word and its neighbours merge', () => {
    const { editors: [a, b], syncAll } = peers(2);
    fill(a, ['甲乙丙丁戊']);
    edit(a, () => { $select(0, 1, 3).formatText('bold'); });
    syncAll();
    edit(a, () => { $select(0, 1, 3).removeText(); });
    expect(marked(a)).toEqual(['甲丁戊']);
    edit(b, () => { $select(0, 3).insertText('X'); });
    syncAll();
    expect(marked(a)).toEqual(marked(b));
    expect(paragraphs(a)).toEqual(['甲X丁戊']);
  });

  it('keeps text once when two writers move the same characters from one text node into its neighbour', () => {
    // 修订 does this: a deleted character joins the deletion before it, and Lexical merges the two
    // text nodes, so the paragraph keeps its nodes while text passes from one to the other.
    const { editors: [a, b], syncAll } = peers(2);
    fill(a, ['甲乙丙丁']);
    edit(a, () => { $select(0, 0, 2).formatText('bold'); });
    syncAll();
    const shift = (): void => {
      const [first, second] = $getRoot().getFirstChildOrThrow<ElementNode>().getChildren();
      if (!$isTextNode(first) || !$isTextNode(second)) throw new Error('expected two text nodes');
      first.setTextContent('甲乙丙');
      second.setTextContent('丁');
    };
    edit(a, shift);
    edit(b, shift);
    syncAll();
    expect(marked(a)).toEqual(marked(b));
    expect(paragraphs(a)).toEqual(['甲乙丙丁']);
    expect(marked(a)).toEqual(['*甲乙丙*丁']);
  });

  it('keeps a colleague\'s typing in place when a writer replaces words in several text nodes of the paragraph at once', () => {
    // 全部替换 edits every matching text node in one update, the nodes staying the same.
    const { editors: [a, b], syncAll } = peers(2);
    fill(a, ['甲乙丙丁乙']);
    edit(a, () => { $select(0, 2, 3).formatText('bold'); });
    syncAll();
    edit(a, () => {
      for (const node of $getRoot().getFirstChildOrThrow<ElementNode>().getChildren()) {
        if ($isTextNode(node) && !node.hasFormat('bold')) node.setTextContent(node.getTextContent().replaceAll('乙', 'X'));
      }
    });
    edit(b, () => { $select(0, 3).insertText('Y'); });
    syncAll();
    expect(marked(a)).toEqual(marked(b));
    expect(marked(a)).toEqual(['甲X*丙Y*丁X']);
  });

  it('a reader (read-only editor) who receives two writers\' marks at one character writes nothing back', () => {
    const { docs, editors: [a, b, reader], sync } = peers(3);
    reader.setEditable(false);
    let written = 0;
    // Updates received here are applied with no origin; the reader's own would carry its binding.
    docs[2].on('update', (_update: Uint8Array, origin: unknown) => { if (origin !== null && origin !== undefined) written += 1; });
    fill(a, ['甲乙丙丁戊']);
    sync(0, 1);
    sync(0, 2);
    // Both writers start a new format at 丁: the two embeds meet there and one is left empty.
    edit(a, () => { $select(0, 3, 5).formatText('bold'); });
    edit(b, () => { $select(0, 3, 5).formatText('italic'); });
    sync(0, 2);
    sync(1, 2);
    expect(paragraphs(reader)).toEqual(['甲乙丙丁戊']);
    expect(written).toBe(0);
    // The writers repair it; the reader then shows what they show.
    sync(0, 1);
    sync(1, 0);
    sync(0, 1);
    sync(0, 2);
    sync(1, 2);
    expect(marked(reader)).toEqual(marked(a));
    expect(marked(b)).toEqual(marked(a));
  });

  it('stores what the writer sees: a reader of the stored state reads the same formatted text', () => {
    const { docs, editors: [a] } = peers(1);
    fill(a, ['甲乙丙丁戊己庚', '辛壬']);
    edit(a, () => { $select(0, 1, 3).formatText('bold'); });
    edit(a, () => { $select(0, 2, 5).formatText('italic'); });
    edit(a, () => { $select(0, 0, 7).formatText('underline'); });
    edit(a, () => { $select(0, 1, 3).formatText('bold'); });
    edit(a, () => { $select(0, 3, 4).removeText(); });
    const stored = readBody(Y.encodeStateAsUpdate(docs[0]));
    expect(stored.json).toEqual(a.getEditorState().toJSON());
  });
});

const FORMATS: TextFormatType[] = ['bold', 'italic', 'underline'];

interface Simulation { seen: unknown[]; stored: unknown; text: string; inserted: string[]; deleted: Set<string> }

/**
 * Three writers on their own Y.Docs make `steps` random edits in two paragraphs (typing, formatting a
 * range, deleting a range, a line break, and with `structure` splitting and joining paragraphs), exchanging
 * updates at random moments, then all sync. Every inserted character is unique.
 */
function simulate(seed: number, steps: number, structure: boolean, undo = false): Simulation {
  const kinds = structure ? 13 : 11;
  const next = seededRandom(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const { docs, editors, undoManagers, sync, syncAll } = peers(3);
  let code = 0x4e00;
  const fresh = (length: number): string => Array.from({ length }, () => String.fromCodePoint(code++)).join('');
  fill(editors[0], [fresh(12), fresh(8)]);
  syncAll();
  const deleted = new Set<string>();
  for (let step = 0; step < steps; step += 1) {
    const who = pick(3);
    if (undo && next() < 0.15) {
      const manager = undoManagers[who];
      if (next() < 0.7) manager.undo();
      else manager.redo();
      if (next() < 0.3) sync(pick(3), pick(3));
      continue;
    }
    edit(editors[who], () => {
      const blocks = $getRoot().getChildren();
      const paragraph = pick(blocks.length);
      const size = blocks[paragraph].getTextContentSize();
      const from = pick(size + 1);
      const to = Math.min(size, from + 1 + pick(4));
      const choice = pick(kinds);
      if (choice < 4) {
        $select(paragraph, from).insertText(fresh(1 + pick(3)));
      } else if (choice < 8) {
        if (to > from) $select(paragraph, from, to).formatText(FORMATS[pick(3)]);
      } else if (choice < 10) {
        if (to === from) return;
        const selection = $select(paragraph, from, to);
        for (const char of selection.getTextContent()) deleted.add(char);
        selection.removeText();
      } else if (choice === 10) {
        $select(paragraph, from).insertLineBreak();
      } else if (choice === 11) {
        $select(paragraph, from).insertParagraph();
      } else if (paragraph > 0) {
        $select(paragraph, 0).deleteCharacter(true);
      }
    });
    if (next() < 0.3) sync(pick(3), pick(3));
  }
  syncAll();
  const inserted = Array.from({ length: code - 0x4e00 }, (_, i) => String.fromCodePoint(0x4e00 + i));
  return {
    seen: editors.map((editor) => editor.getEditorState().toJSON()),
    stored: readBody(Y.encodeStateAsUpdate(docs[0])).json,
    text: paragraphs(editors[0]).join(''),
    inserted,
    deleted,
  };
}

// 60 runs of 40 edits here; 400 runs of 60 edits passed when this was written (raise both to explore).
const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);
const STEPS = 40;

describe('random concurrent typing, formatting, deleting and line breaks by three writers', () => {
  it.each(SEEDS)('seed %i: all see the same, store what they see, lose and double no character', (seed) => {
    const { seen, stored, text, inserted, deleted } = simulate(seed, STEPS, false);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(stored).toEqual(seen[0]);
    const counts = new Map<string, number>();
    for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(inserted.filter((char) => (counts.get(char) ?? 0) > 1)).toEqual([]);
    expect(inserted.filter((char) => !deleted.has(char) && !counts.has(char))).toEqual([]);
  });
});

describe('random concurrent editing with paragraph splits and joins', () => {
  // A split moves the paragraph's tail into a new paragraph (Yjs has no move), so a character typed
  // into that tail at the same moment can land twice or be lost: only agreement is asserted.
  it.each(SEEDS.slice(0, 30))('seed %i: all see the same and store what they see', (seed) => {
    const { seen, stored } = simulate(seed, STEPS, true);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(stored).toEqual(seen[0]);
  });
});

describe('random concurrent editing with undo and redo', () => {
  it.each(SEEDS.slice(0, 30))('seed %i: all see the same and store what they see', (seed) => {
    const { seen, stored } = simulate(seed, STEPS, true, true);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(stored).toEqual(seen[0]);
  });
});
