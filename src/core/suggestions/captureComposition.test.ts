import { describe, expect, it } from 'vitest';
import { $getRoot, $getSelection, $isRangeSelection, $setCompositionKey, type LexicalEditor } from 'lexical';
import { registerSuggesting } from './capture';
import { $listSuggestions } from './operations';
import { ALICE, dump, testEditor } from './testing';

/** What an IME does at offset `at` of the first text: composing text replaces what it composed so far, then the candidate is committed. */
function compose(editor: LexicalEditor, at: number, steps: readonly string[], commit: string, endApart = false): void {
  let composed = 0;
  const $replace = (text: string): void => {
    // Offsets count the paragraph's text, across the nodes a capture may have split it into.
    const point = (offset: number): { key: string; offset: number } => {
      let left = offset;
      for (const text of $getRoot().getAllTextNodes()) {
        if (left <= text.getTextContentSize()) return { key: text.getKey(), offset: left };
        left -= text.getTextContentSize();
      }
      throw new Error('offset out of range');
    };
    const from = point(at);
    const to = point(at + composed);
    $getRoot().getAllTextNodes()[0].select(0, 0);
    const selection = $getSelection();
    if ($isRangeSelection(selection)) {
      selection.anchor.set(from.key, from.offset, 'text');
      selection.focus.set(to.key, to.offset, 'text');
    }
    if (!$isRangeSelection(selection)) throw new Error('no selection');
    selection.insertText(text);
    composed = text.length;
  };
  for (const step of steps) {
    editor.update(() => {
      $replace(step);
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setCompositionKey(selection.anchor.key);
    }, { discrete: true });
    expect(editor.getEditorState().read($listSuggestions)).toEqual([]);
  }
  // Some browsers end the composition in an update of its own, before the committed text arrives.
  if (endApart) editor.update(() => $setCompositionKey(null), { discrete: true });
  editor.update(() => {
    $setCompositionKey(null);
    $replace(commit);
  }, { discrete: true });
}

describe('suggesting mode with an IME', () => {
  it('leaves composing text alone and captures the committed text as one insertion', () => {
    const editor = testEditor([['甲乙']]);
    registerSuggesting(editor, ALICE);
    compose(editor, 2, ['z', 'zheng', 'zheng wu'], '政务');
    expect(dump(editor)).toEqual(['甲乙[+政务]']);
    expect(editor.getEditorState().read($listSuggestions).map((s) => [s.kind, s.text, s.authorName]))
      .toEqual([['insert', '政务', ALICE.name]]);
  });

  it('captures the committed text when the composition ends in an update of its own', () => {
    const editor = testEditor([['甲乙']]);
    registerSuggesting(editor, ALICE);
    compose(editor, 1, ['xin', 'xin xi'], '信息', true);
    expect(dump(editor)).toEqual(['甲[+信息]乙']);
  });
});
