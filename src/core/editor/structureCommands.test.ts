import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $createListNode } from '@lexical/list';
import {
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  IS_BOLD,
  type LexicalEditor,
} from 'lexical';
import { DESK_NODES } from './nodes';
import { $createDeskParagraphNode, $isDeskParagraphNode, type StructureLevel } from './DeskParagraphNode';
import {
  $renumberBody,
  $setStructureLevel,
  RENUMBER_COMMAND,
  SET_STRUCTURE_LEVEL_COMMAND,
  registerStructureCommands,
} from './structureCommands';

interface Seed { level?: StructureLevel; text: string | ReadonlyArray<string> }

function editorWith(seeds: readonly Seed[]): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...DESK_NODES], onError: (error) => { throw error; } });
  editor.update(() => {
    const root = $getRoot().clear();
    for (const seed of seeds) {
      const paragraph = $createDeskParagraphNode(seed.level ?? 0);
      const parts = typeof seed.text === 'string' ? [seed.text] : seed.text;
      // Neighbouring text nodes with the same format would be merged: alternate bold to keep them.
      parts.filter((part) => part !== '').forEach((part, i) => {
        paragraph.append($createTextNode(part).setFormat(i % 2 === 1 ? IS_BOLD : 0));
      });
      root.append(paragraph);
    }
  }, { discrete: true });
  return editor;
}

function paragraphs(editor: LexicalEditor): Array<{ level: number; text: string }> {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((node) => ({
    level: $isDeskParagraphNode(node) ? node.getLevel() : -1,
    text: node.getTextContent(),
  })));
}

/** Selects from paragraph `from` (offset in its first text node) to paragraph `to`. */
function $selectParagraphs(from: number, to: number, offset = 0): void {
  const children = $getRoot().getChildren();
  const selection = $createRangeSelection();
  const start = children[from];
  const end = children[to];
  if (!$isDeskParagraphNode(start) || !$isDeskParagraphNode(end)) throw new Error('not a paragraph');
  const startText = start.getFirstDescendant();
  if (startText) selection.anchor.set(startText.getKey(), offset, 'text');
  else selection.anchor.set(start.getKey(), 0, 'element');
  const endText = end.getLastDescendant();
  if (endText) selection.focus.set(endText.getKey(), endText.getTextContentSize(), 'text');
  else selection.focus.set(end.getKey(), 0, 'element');
  $setSelection(selection);
}

describe('$setStructureLevel', () => {
  it('numbers a paragraph as renumbering would number it where it stands', () => {
    const editor = editorWith([
      { level: 1, text: '一、总体要求' },
      { level: 2, text: '（一）指导思想' },
      { text: '工作目标' },
      { level: 1, text: '二、保障措施' },
    ]);
    editor.update(() => {
      $selectParagraphs(2, 2);
      $setStructureLevel(2);
    }, { discrete: true });
    expect(paragraphs(editor)[2]).toEqual({ level: 2, text: '（二）工作目标' });
    expect(paragraphs(editor)[3]).toEqual({ level: 1, text: '二、保障措施' });
  });

  it('sets every touched paragraph and numbers them in sequence', () => {
    const editor = editorWith([{ text: '甲' }, { text: '乙' }, { text: '丙' }]);
    editor.update(() => {
      $selectParagraphs(0, 2);
      $setStructureLevel(3);
    }, { discrete: true });
    expect(paragraphs(editor)).toEqual([
      { level: 3, text: '1.甲' },
      { level: 3, text: '2.乙' },
      { level: 3, text: '3.丙' },
    ]);
  });

  it('replaces the number of another level and removes it for body text', () => {
    const editor = editorWith([
      { level: 1, text: '一、总体要求' },
      { level: 2, text: '（三）加强领导' },
      { level: 2, text: '（一） 压实责任' },
    ]);
    editor.update(() => {
      $selectParagraphs(1, 1);
      $setStructureLevel(1);
    }, { discrete: true });
    editor.update(() => {
      $selectParagraphs(2, 2);
      $setStructureLevel(0);
    }, { discrete: true });
    expect(paragraphs(editor)).toEqual([
      { level: 1, text: '一、总体要求' },
      { level: 1, text: '二、加强领导' },
      { level: 0, text: '压实责任' },
    ]);
  });

  it('writes the number into the first text node, keeping the other nodes and their formats', () => {
    const editor = editorWith([{ text: ['加强', '组织', '领导'] }]);
    const keysBefore = editor.getEditorState().read(() => $getRoot().getAllTextNodes().map((node) => node.getKey()));
    editor.update(() => {
      $selectParagraphs(0, 0, 1);
      $setStructureLevel(1);
    }, { discrete: true });
    editor.getEditorState().read(() => {
      const nodes = $getRoot().getAllTextNodes();
      expect(nodes.map((node) => node.getTextContent())).toEqual(['一、加强', '组织', '领导']);
      expect(nodes.map((node) => node.getKey())).toEqual(keysBefore);
      expect(nodes[1].hasFormat('bold')).toBe(true);
      const selection = $getSelection();
      // The caret was after 加; it stays there.
      expect($isRangeSelection(selection) && selection.anchor.offset).toBe(3);
    });
  });

  it('creates a text node in an empty paragraph and leaves the caret after the number', () => {
    const editor = editorWith([{ level: 1, text: '一、总体要求' }, { text: '' }]);
    editor.update(() => {
      $selectParagraphs(1, 1);
      $setStructureLevel(1);
    }, { discrete: true });
    expect(paragraphs(editor)[1]).toEqual({ level: 1, text: '二、' });
    editor.getEditorState().read(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('no range selection');
      expect(selection.anchor.getNode().getTextContent()).toBe('二、');
      expect(selection.anchor.offset).toBe(2);
    });
  });

  it('leaves paragraphs inside lists alone', () => {
    const editor = editorWith([{ text: '甲' }]);
    editor.update(() => {
      const item = $createListItemNode().append($createTextNode('清单项'));
      $getRoot().append($createListNode('bullet').append(item));
      item.select(0, 0);
      $setStructureLevel(1);
    }, { discrete: true });
    expect(paragraphs(editor)).toEqual([{ level: 0, text: '甲' }, { level: -1, text: '清单项' }]);
  });
});

describe('$renumberBody', () => {
  it('fixes wrong and missing numbers and leaves body text alone', () => {
    const editor = editorWith([
      { level: 1, text: '三、总体要求' },
      { text: '1.正文里的编号不动' },
      { level: 2, text: '指导思想' },
      { level: 2, text: '（五）工作目标。到2025年，……' },
      { level: 3, text: '4. 投资' },
      { level: 1, text: '二、保障措施' },
      { level: 3, text: '(1)加强领导' },
    ]);
    editor.update(() => $renumberBody(), { discrete: true });
    expect(paragraphs(editor).map((p) => p.text)).toEqual([
      '一、总体要求',
      '1.正文里的编号不动',
      '（一）指导思想',
      '（二）工作目标。到2025年，……',
      '1. 投资',
      '二、保障措施',
      '1.加强领导',
    ]);
  });

  it('edits only the prefix, even when it spans text nodes, and keeps the nodes after it', () => {
    const editor = editorWith([
      { level: 1, text: '一、总体要求' },
      { level: 1, text: ['三', '、加强', '领导'] },
    ]);
    const keysBefore = editor.getEditorState().read(() => $getRoot().getAllTextNodes().map((node) => node.getKey()));
    editor.update(() => $renumberBody(), { discrete: true });
    editor.getEditorState().read(() => {
      const nodes = $getRoot().getAllTextNodes();
      expect(nodes.map((node) => node.getTextContent())).toEqual(['一、总体要求', '二、', '加强', '领导']);
      expect(nodes.map((node) => node.getKey())).toEqual(keysBefore);
    });
  });

  it('changes nothing when the numbers are right', () => {
    const editor = editorWith([{ level: 1, text: '一、总体要求' }, { level: 2, text: '（一）指导思想' }]);
    const before = editor.getEditorState();
    editor.update(() => $renumberBody(), { discrete: true });
    expect(editor.getEditorState()).toBe(before);
  });
});

describe('registerStructureCommands', () => {
  it('handles both commands until unregistered', () => {
    const editor = editorWith([{ level: 1, text: '二、总体要求' }, { text: '指导思想' }]);
    const unregister = registerStructureCommands(editor);
    editor.update(() => {
      const paragraph = $getRoot().getChildAtIndex(1);
      if (!$isDeskParagraphNode(paragraph)) throw new Error('not a paragraph');
      const text = paragraph.getFirstDescendant();
      if ($isTextNode(text)) text.select(0, 0);
    }, { discrete: true });
    editor.update(() => { editor.dispatchCommand(SET_STRUCTURE_LEVEL_COMMAND, 2); }, { discrete: true });
    editor.update(() => { editor.dispatchCommand(RENUMBER_COMMAND, undefined); }, { discrete: true });
    expect(paragraphs(editor)).toEqual([
      { level: 1, text: '一、总体要求' },
      { level: 2, text: '（一）指导思想' },
    ]);
    unregister();
    let handled = true;
    editor.update(() => { handled = editor.dispatchCommand(RENUMBER_COMMAND, undefined); }, { discrete: true });
    expect(handled).toBe(false);
  });
});
