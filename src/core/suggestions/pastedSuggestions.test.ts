import { describe, expect, it } from 'vitest';
import { $generateJSONFromSelectedNodes, $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { $getSelection, $isRangeSelection, PASTE_TAG, type LexicalEditor } from 'lexical';
import { registerSuggesting } from './capture';
import { registerPastedSuggestionsCleared } from './pastedSuggestions';
import { $listSuggestions } from './operations';
import { ALICE, BOB, del, dump, ins, meta, select, testEditor } from './testing';

/** Copies paragraph 0's characters [from, to) and pastes them at character `at` of paragraph 1, as Ctrl+C / Ctrl+V do. */
function copyPaste(editor: LexicalEditor, from: number, to: number, at: number): void {
  select(editor, 0, from, to);
  const copied = editor.getEditorState().read(() => {
    const selection = $getSelection();
    return $generateJSONFromSelectedNodes(editor, selection).nodes;
  });
  select(editor, 1, at);
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(copied), selection);
  }, { discrete: true, tag: PASTE_TAG });
}

describe('pasting text that holds pending suggestions', () => {
  it('pastes plain text: nobody\'s insertion or deletion shows where they never made it', () => {
    const editor = testEditor([['甲', ins('乙', meta('i', BOB)), del('丙', meta('d', BOB)), '丁'], ['子丑']]);
    registerPastedSuggestionsCleared(editor);
    copyPaste(editor, 0, 4, 1);
    expect(dump(editor)).toEqual(['甲[+乙][-丙]丁', '子甲乙丙丁丑']);
    expect(editor.getEditorState().read($listSuggestions).map((entry) => entry.id)).toEqual(['i', 'd']);
  });

  it('with 修订 on, the pasted text is the paster\'s own insertion', () => {
    const editor = testEditor([['甲', ins('乙', meta('i', BOB)), del('丙', meta('d', BOB))], ['子丑']]);
    registerPastedSuggestionsCleared(editor);
    registerSuggesting(editor, ALICE);
    copyPaste(editor, 0, 3, 1);
    expect(dump(editor)).toEqual(['甲[+乙][-丙]', '子[+甲乙丙]丑']);
    const list = editor.getEditorState().read($listSuggestions);
    expect(list.map((entry) => [entry.authorId, entry.kind, entry.text])).toEqual([
      [BOB.id, 'insert', '乙'], [BOB.id, 'delete', '丙'], [ALICE.id, 'insert', '甲乙丙'],
    ]);
  });
});
