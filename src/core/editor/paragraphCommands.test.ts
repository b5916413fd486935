import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { registerRichText } from '@lexical/rich-text';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  DELETE_CHARACTER_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  IS_BOLD,
  type LexicalEditor,
} from 'lexical';
import { DESK_NODES } from './nodes';
import { $createDeskParagraphNode, $isDeskParagraphNode, type StructureLevel } from './DeskParagraphNode';
import { $deleteEmptyNeighbour, registerLevelFollowsNumber, registerParagraphCommands } from './paragraphCommands';

type Seed = readonly [level: StructureLevel, text: string | readonly string[]];

/** An editor with rich text's own Enter and Backspace, and ours above them. */
function editorWith(seeds: readonly Seed[]): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...DESK_NODES], onError: (error) => { throw error; } });
  registerRichText(editor);
  registerParagraphCommands(editor);
  registerLevelFollowsNumber(editor);
  editor.update(() => {
    const root = $getRoot().clear();
    for (const [level, text] of seeds) {
      const paragraph = $createDeskParagraphNode(level);
      const parts = typeof text === 'string' ? [text] : text;
      // Alternate bold so neighbouring text nodes are not merged.
      parts.filter((part) => part !== '').forEach((part, i) => paragraph.append($createTextNode(part).setFormat(i % 2 ? IS_BOLD : 0)));
      root.append(paragraph);
    }
  }, { discrete: true });
  return editor;
}

function paragraphs(editor: LexicalEditor): Array<[number, string]> {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((node) => [
    $isDeskParagraphNode(node) ? node.getLevel() : -1, node.getTextContent(),
  ]));
}

/** Puts the caret at `offset` characters into paragraph `index` (across its text nodes). */
function caret(editor: LexicalEditor, index: number, offset: number): void {
  editor.update(() => {
    const paragraph = $getRoot().getChildren()[index];
    if (!$isDeskParagraphNode(paragraph)) throw new Error('not a paragraph');
    let left = offset;
    for (const text of paragraph.getAllTextNodes()) {
      if (left <= text.getTextContentSize()) {
        text.select(left, left);
        return;
      }
      left -= text.getTextContentSize();
    }
    paragraph.selectEnd();
  }, { discrete: true });
}

function run(editor: LexicalEditor, action: () => void): void {
  editor.update(action, { discrete: true });
}

/** The caret's paragraph index and text before it. */
function where(editor: LexicalEditor): [number, string] {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return [-1, ''];
    const node = selection.anchor.getNode();
    const top = node.getTopLevelElementOrThrow();
    const index = $getRoot().getChildren().findIndex((child) => child.is(top));
    const text = top.getTextContent();
    const offset = top.getAllTextNodes().reduce((sum, t) => {
      if (t.is(node)) return { done: true, n: sum.n + selection.anchor.offset };
      return sum.done ? sum : { done: false, n: sum.n + t.getTextContentSize() };
    }, { done: false, n: 0 }).n;
    return [index, text.slice(0, offset)];
  });
}

const OUTLINE: Seed[] = [[0, '前言。'], [1, '二、主要任务'], [0, '正文。']];

describe('Enter around structure headings', () => {
  it('at a heading’s start inserts an empty body paragraph above; the heading and the caret stay', () => {
    const editor = editorWith(OUTLINE);
    caret(editor, 1, 0);
    run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });
    expect(paragraphs(editor)).toEqual([[0, '前言。'], [0, ''], [1, '二、主要任务'], [0, '正文。']]);
    expect(where(editor)).toEqual([2, '']);
  });

  it('inside or just after the number does the same (the number is never split off)', () => {
    for (const offset of [1, 2]) {
      const editor = editorWith(OUTLINE);
      caret(editor, 1, offset);
      run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });
      expect(paragraphs(editor)).toEqual([[0, '前言。'], [0, ''], [1, '二、主要任务'], [0, '正文。']]);
    }
  });

  it('also for a heading whose number spans text nodes of different formats', () => {
    const editor = editorWith([[2, ['（一', '）推进', '项目']]]);
    caret(editor, 0, 3);
    run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });
    expect(paragraphs(editor)).toEqual([[0, ''], [2, '（一）推进项目']]);
  });

  it('in a heading’s text splits it, and the second half is body text', () => {
    const editor = editorWith(OUTLINE);
    caret(editor, 1, 4);
    run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });
    expect(paragraphs(editor)).toEqual([[0, '前言。'], [1, '二、主要'], [0, '任务'], [0, '正文。']]);
    expect(where(editor)).toEqual([2, '']);
  });

  it('at a heading’s end gives a body paragraph after it', () => {
    const editor = editorWith(OUTLINE);
    caret(editor, 1, 6);
    run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });
    expect(paragraphs(editor)).toEqual([[0, '前言。'], [1, '二、主要任务'], [0, ''], [0, '正文。']]);
  });

  it('before a number inside a paragraph makes the second half a heading of that number’s level', () => {
    const editor = editorWith([[1, '二、主要任务（一）推进项目']]);
    caret(editor, 0, 6);
    run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });
    expect(paragraphs(editor)).toEqual([[1, '二、主要任务'], [2, '（一）推进项目']]);
  });

  it('in an empty heading and in body text is Lexical’s own split', () => {
    const editor = editorWith([[1, ''], [0, '甲乙']]);
    caret(editor, 1, 1);
    run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });
    expect(paragraphs(editor)).toEqual([[1, ''], [0, '甲'], [0, '乙']]);
    caret(editor, 0, 0);
    run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });
    expect(paragraphs(editor)).toEqual([[1, ''], [0, ''], [0, '甲'], [0, '乙']]);
  });
});

describe('Backspace and Delete next to an empty paragraph', () => {
  it('Backspace at a heading’s start after an empty paragraph removes the empty one; the heading stays', () => {
    const editor = editorWith([[0, '前言。'], [0, ''], [1, '二、主要任务']]);
    caret(editor, 2, 0);
    run(editor, () => { editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true); });
    expect(paragraphs(editor)).toEqual([[0, '前言。'], [1, '二、主要任务']]);
    expect(where(editor)).toEqual([1, '']);
  });

  it('Delete in an empty paragraph before a heading removes the empty one', () => {
    const editor = editorWith([[0, ''], [1, '一、总体要求']]);
    caret(editor, 0, 0);
    run(editor, () => { editor.dispatchCommand(DELETE_CHARACTER_COMMAND, false); });
    expect(paragraphs(editor)).toEqual([[1, '一、总体要求']]);
    expect(where(editor)).toEqual([0, '']);
  });

  it('Backspace at a paragraph’s start after one with text joins them, keeping the first level', () => {
    const editor = editorWith([[1, '一、总体要求'], [0, '坚持稳中求进。']]);
    caret(editor, 1, 0);
    run(editor, () => { editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true); });
    expect(paragraphs(editor)).toEqual([[1, '一、总体要求坚持稳中求进。']]);
  });

  it('Backspace inside text is not ours: the handler leaves it to rich text', () => {
    const editor = editorWith([[0, ''], [1, '一、总体要求']]);
    caret(editor, 1, 3);
    let handled = true;
    run(editor, () => { handled = $deleteEmptyNeighbour(true); });
    expect(handled).toBe(false);
    expect(paragraphs(editor)).toEqual([[0, ''], [1, '一、总体要求']]);
  });
});

/** Selects from `from` to `to`, each [paragraph index, offset in its text]. */
function select(editor: LexicalEditor, from: readonly [number, number], to: readonly [number, number]): void {
  editor.update(() => {
    const point = ([index, offset]: readonly [number, number]): [string, number] => {
      const paragraph = $getRoot().getChildren()[index];
      if (!$isDeskParagraphNode(paragraph)) throw new Error('not a paragraph');
      let left = offset;
      for (const text of paragraph.getAllTextNodes()) {
        if (left <= text.getTextContentSize()) return [text.getKey(), left];
        left -= text.getTextContentSize();
      }
      throw new Error('offset past the end');
    };
    const [anchorKey, anchorOffset] = point(from);
    const [focusKey, focusOffset] = point(to);
    const first = $getRoot().getFirstDescendant();
    if ($isTextNode(first)) first.select(0, 0);
    const range = $getSelection();
    if (!$isRangeSelection(range)) throw new Error('no range selection');
    range.anchor.set(anchorKey, anchorOffset, 'text');
    range.focus.set(focusKey, focusOffset, 'text');
  }, { discrete: true });
}

const TWO_HEADINGS: Seed[] = [[1, '一、总体要求'], [0, '坚持稳中求进。'], [1, '二、主要任务'], [0, '正文。']];
const backspace = (editor: LexicalEditor) => run(editor, () => { editor.dispatchCommand(DELETE_CHARACTER_COMMAND, true); });
const forwardDelete = (editor: LexicalEditor) => run(editor, () => { editor.dispatchCommand(DELETE_CHARACTER_COMMAND, false); });
// What rich text's CONTROLLED_TEXT_INSERTION_COMMAND does with a string (its collapsed path needs a window).
const type = (text: string) => (editor: LexicalEditor) => run(editor, () => {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) selection.insertText(text);
});
const enter = (editor: LexicalEditor) => run(editor, () => { editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined); });

describe('a selection across paragraphs keeps each level consistent with its number', () => {
  it('Backspace from a body paragraph’s start to a heading’s start leaves the heading a heading', () => {
    for (const remove of [backspace, forwardDelete, type('')]) {
      const editor = editorWith(TWO_HEADINGS);
      select(editor, [1, 0], [2, 0]);
      remove(editor);
      expect(paragraphs(editor)).toEqual([[1, '一、总体要求'], [1, '二、主要任务'], [0, '正文。']]);
    }
  });

  it('Backspace from a heading’s start to the next body paragraph’s start leaves body text, not a heading without a number', () => {
    const editor = editorWith(TWO_HEADINGS);
    select(editor, [0, 0], [1, 0]);
    backspace(editor);
    expect(paragraphs(editor)).toEqual([[0, '坚持稳中求进。'], [1, '二、主要任务'], [0, '正文。']]);
  });

  it('also when selected backwards, and from inside one heading into another', () => {
    const editor = editorWith(TWO_HEADINGS);
    select(editor, [2, 0], [1, 0]);
    backspace(editor);
    expect(paragraphs(editor)).toEqual([[1, '一、总体要求'], [1, '二、主要任务'], [0, '正文。']]);
    select(editor, [0, 4], [1, 4]);
    backspace(editor);
    expect(paragraphs(editor)).toEqual([[1, '一、总体任务'], [0, '正文。']]);
  });

  it('typing over a selection from a heading’s start into body text gives body text', () => {
    const editor = editorWith(TWO_HEADINGS);
    select(editor, [0, 0], [1, 2]);
    type('继续')(editor);
    expect(paragraphs(editor)).toEqual([[0, '继续稳中求进。'], [1, '二、主要任务'], [0, '正文。']]);
  });

  it('Enter with a heading’s number selected leaves no heading without a number', () => {
    const editor = editorWith(TWO_HEADINGS);
    select(editor, [2, 0], [2, 2]);
    enter(editor);
    const result = paragraphs(editor);
    expect(result.map(([, text]) => text)).toEqual(['一、总体要求', '坚持稳中求进。', '', '主要任务', '正文。']);
    expect(result.filter(([level, text]) => level !== ((text.startsWith('一、') || text.startsWith('二、')) ? 1 : 0))).toEqual([]);
  });

  it('Enter over a selection that ends before a number makes the second half a heading of that level', () => {
    const editor = editorWith(TWO_HEADINGS);
    select(editor, [1, 2], [2, 0]);
    enter(editor);
    expect(paragraphs(editor)).toEqual([[1, '一、总体要求'], [0, '坚持'], [1, '二、主要任务'], [0, '正文。']]);
  });

  it('typing a number at a body paragraph’s start makes it a heading; deleting a heading’s number makes it body text', () => {
    const editor = editorWith(TWO_HEADINGS);
    caret(editor, 1, 0);
    type('（一）')(editor);
    expect(paragraphs(editor)[1]).toEqual([2, '（一）坚持稳中求进。']);
    select(editor, [2, 0], [2, 1]);
    backspace(editor);
    expect(paragraphs(editor)[2]).toEqual([0, '、主要任务']);
    type('三')(editor);
    expect(paragraphs(editor)[2]).toEqual([1, '三、主要任务']);
  });

  it('an edit that leaves the number as it was keeps the level, so a long numbered body paragraph stays body text', () => {
    const editor = editorWith([[0, '（1）各单位要高度重视。'], [1, '关于报送工作的通知']]);
    caret(editor, 0, 5);
    type('都')(editor);
    caret(editor, 1, 2);
    type('做好')(editor);
    expect(paragraphs(editor)).toEqual([[0, '（1）各单都位要高度重视。'], [1, '关于做好报送工作的通知']]);
  });
});
