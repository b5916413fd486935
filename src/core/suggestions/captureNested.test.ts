/**
 * 修订 capture beyond top-level paragraph text: a table cell's paragraphs, a list item's text, and a
 * paragraph's structure level (with its number, as one change).
 */
import { describe, expect, it } from 'vitest';
import { $createListItemNode, $createListNode, $isListItemNode } from '@lexical/list';
import { $createTableCellNode, $createTableNode, $createTableRowNode, $isTableCellNode } from '@lexical/table';
import { $createTextNode, $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { $createDeskParagraphNode, $isDeskParagraphNode } from '../editor/DeskParagraphNode';
import { $setStructureLevel } from '../editor/structureCommands';
import { bodyBlocksFromLexical, bodyLines } from '../body/bodyModel';
import { registerSuggesting } from './capture';
import { $acceptSuggestion, $listSuggestions, $rejectSuggestion } from './operations';
import { judgeSuggestionUpdate } from './suggestionRule';
import { ALICE, dump, testEditor } from './testing';
import { $deletionOf } from './deletionMark';

function $cell(text: string): LexicalNode {
  return $createTableCellNode().append($createDeskParagraphNode().append($createTextNode(text)));
}

/** A body: a paragraph, a 2×2 table, a list of two items. */
function nested(): LexicalEditor {
  const editor = testEditor([['正文']]);
  editor.update(() => {
    $getRoot().append(
      $createTableNode().append(
        $createTableRowNode().append($cell('项目'), $cell('数量')),
        $createTableRowNode().append($cell('道路'), $cell('12')),
      ),
      $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('第一项')),
        $createListItemNode().append($createTextNode('第二项')),
      ),
    );
  }, { discrete: true });
  registerSuggesting(editor, ALICE);
  return editor;
}

/** The `n`-th text node of the body in document order. */
function $text(n: number) {
  const texts = $getRoot().getAllTextNodes();
  const text = texts[n];
  if (!text) throw new Error(`no text ${n}`);
  return text;
}

function edit(editor: LexicalEditor, run: () => void): void {
  editor.update(run, { discrete: true });
}

function type(editor: LexicalEditor, text: string): void {
  edit(editor, () => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.insertText(text);
  });
}

function lines(editor: LexicalEditor, view: 'original' | 'applied'): string[] {
  return bodyLines(bodyBlocksFromLexical(editor.getEditorState().toJSON(), { suggestions: view }));
}

function describeTree(editor: LexicalEditor): string {
  const walk = (node: LexicalNode): string => {
    if ($isTextNode(node)) return $deletionOf(node) ? `[-${node.getTextContent()}]` : node.getTextContent();
    const inner = $isElementNode(node) ? node.getChildren().map(walk).join('') : '';
    if (node.getType() === 'suggestion') return JSON.stringify(node.exportJSON()).includes('"kind":"insert"') ? `[+${inner}]` : `[-${inner}]`;
    if ($isTableCellNode(node) || $isListItemNode(node)) return `|${inner}`;
    return inner;
  };
  return editor.getEditorState().read(() => $getRoot().getChildren().map(walk).join('/'));
}

describe('修订 capture in table cells and list items', () => {
  it('records typing in a table cell as an insertion there; the original keeps the cell as it was', () => {
    const editor = nested();
    edit(editor, () => { $text(4).select(2, 2); });
    type(editor, '公里');
    expect(describeTree(editor)).toBe('正文/|项目|数量|道路|12[+公里]/|第一项|第二项');
    expect(lines(editor, 'original').join('\n')).not.toContain('公里');
    expect(lines(editor, 'applied').join('\n')).toContain('12公里');
    expect(editor.getEditorState().read($listSuggestions).map((s) => [s.kind, s.text])).toEqual([['insert', '公里']]);
  });

  it('records a deletion in a table cell and Enter inside a cell as a suggested split there', () => {
    const editor = nested();
    edit(editor, () => { $text(3).select(0, 1); });
    edit(editor, () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.removeText();
    });
    expect(describeTree(editor)).toBe('正文/|项目|数量|[-道]路|12/|第一项|第二项');
    const id = editor.getEditorState().read($listSuggestions)[0]?.id ?? '';
    edit(editor, () => { $rejectSuggestion(id); });
    expect(describeTree(editor)).toBe('正文/|项目|数量|道路|12/|第一项|第二项');
  });

  it('records typing in a list item as an insertion there, accepted like any other', () => {
    const editor = nested();
    edit(editor, () => { $text(6).select(3, 3); });
    type(editor, '（新增）');
    expect(describeTree(editor)).toBe('正文/|项目|数量|道路|12/|第一项|第二项[+（新增）]');
    const [suggestion] = editor.getEditorState().read($listSuggestions);
    edit(editor, () => { $acceptSuggestion(suggestion?.id ?? ''); });
    expect(describeTree(editor)).toBe('正文/|项目|数量|道路|12/|第一项|第二项（新增）');
  });
});

describe('the server\'s rule on what capture records', () => {
  it('allows the holder\'s table-cell, list-item and level suggestions', () => {
    const cases: Array<(editor: LexicalEditor) => void> = [
      (editor) => { edit(editor, () => { $text(4).select(2, 2); }); type(editor, '公里'); },
      (editor) => { edit(editor, () => { $text(6).select(3, 3); }); type(editor, '（新增）'); },
      (editor) => { edit(editor, () => { $text(0).select(0, 0); }); edit(editor, () => { $setStructureLevel(1); }); },
    ];
    for (const change of cases) {
      const editor = nested();
      const before = editor.getEditorState().toJSON();
      change(editor);
      expect(JSON.stringify(editor.getEditorState().toJSON())).not.toBe(JSON.stringify(before));
      expect(judgeSuggestionUpdate(before, editor.getEditorState().toJSON(), ALICE)).toEqual({ allowed: true, decided: [] });
    }
  });
});

describe('修订 capture of a structure level', () => {
  it('records a level change with its number as one suggestion: rejecting it restores both, accepting keeps both', () => {
    for (const accept of [false, true]) {
      const editor = testEditor([['总体要求'], ['坚持稳中求进。']]);
      const stop = registerSuggesting(editor, ALICE);
      edit(editor, () => { $text(0).select(0, 0); });
      edit(editor, () => { $setStructureLevel(1); });
      expect(dump(editor)).toEqual(['{0→1}[+一、]总体要求', '坚持稳中求进。']);
      const listed = editor.getEditorState().read($listSuggestions);
      expect(new Set(listed.map((s) => s.id)).size).toBe(1);
      expect(lines(editor, 'original')).toEqual(['总体要求', '坚持稳中求进。']);
      // Accepting and rejecting are review edits, made with capture paused (as the 审阅 pane does).
      stop();
      edit(editor, () => { (accept ? $acceptSuggestion : $rejectSuggestion)(listed[0]?.id ?? ''); });
      expect(dump(editor)).toEqual(accept ? ['一、总体要求', '坚持稳中求进。'] : ['总体要求', '坚持稳中求进。']);
      const level = editor.getEditorState().read(() => {
        const first = $getRoot().getFirstChild();
        return $isDeskParagraphNode(first) ? first.getLevel() : -1;
      });
      expect(level).toBe(accept ? 1 : 0);
    }
  });

  it('a level set back to the original withdraws the level suggestion', () => {
    const editor = testEditor([['总体要求']]);
    registerSuggesting(editor, ALICE);
    const setLevel = (level: 0 | 1 | 2): void => edit(editor, () => {
      const first = $getRoot().getFirstChild();
      if ($isDeskParagraphNode(first)) first.setLevel(level);
    });
    setLevel(2);
    expect(dump(editor)).toEqual(['{0→2}总体要求']);
    setLevel(1);
    expect(dump(editor)).toEqual(['{0→1}总体要求']);
    setLevel(0);
    expect(dump(editor)).toEqual(['总体要求']);
    expect(editor.getEditorState().read($listSuggestions)).toEqual([]);
  });
});
