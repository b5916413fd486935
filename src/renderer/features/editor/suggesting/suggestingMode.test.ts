import { describe, expect, it } from 'vitest';
import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { $acceptSuggestion, $listSuggestions, $rejectAllSuggestions } from '../../../../core/suggestions/operations';
import { ALICE, del, dump, meta, testEditor } from '../../../../core/suggestions/testing';
import { runReviewEdit, startSuggesting } from './suggestingMode';

function typeAtEnd(editor: LexicalEditor, text: string): void {
  editor.update(() => {
    $getRoot().selectEnd();
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.insertText(text);
  }, { discrete: true });
}

function ids(editor: LexicalEditor): string[] {
  return editor.getEditorState().read($listSuggestions).map((entry) => entry.id);
}

describe('review edits while 修订 is on', () => {
  it('accepting a deletion removes its text for good, not as a new suggestion; typing is captured again after', () => {
    const editor = testEditor([['甲', del('乙', meta('d1')), '丙']]);
    const stop = startSuggesting(editor, ALICE);
    expect(runReviewEdit(editor, () => $acceptSuggestion('d1'))).toBe(true);
    expect(dump(editor)).toEqual(['甲丙']);
    expect(ids(editor)).toEqual([]);
    typeAtEnd(editor, '丁');
    expect(dump(editor)).toEqual(['甲丙[+丁]']);
    stop();
    typeAtEnd(editor, '戊');
    expect(dump(editor)).toEqual(['甲丙[+丁]戊']);
  });

  it('does nothing in a read-only body', () => {
    const editor = testEditor([['甲', del('乙', meta('d1')), '丙']]);
    editor.setEditable(false);
    expect(runReviewEdit(editor, () => $rejectAllSuggestions())).toBeUndefined();
    expect(ids(editor)).toEqual(['d1']);
  });
});
