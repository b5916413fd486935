import { describe, expect, it } from 'vitest';
import { $getRoot, $getSelection, $isRangeSelection, $isTextNode, type LexicalEditor } from 'lexical';
import { ALICE, BOB, del, dump, meta, testEditor } from '../../../../core/suggestions/testing';
import { $openInsertionAtCaret } from './compositionInsertion';

const PLACEHOLDER = '\u200B';

/** Puts the caret at `offset` of the paragraph's text node number `index`, then opens the insertion. */
function openAt(editor: LexicalEditor, index: number, offset: number): void {
  editor.update(() => {
    const text = $getRoot().getAllTextNodes()[index];
    text.select(offset, offset);
    $openInsertionAtCaret(ALICE);
  }, { discrete: true });
}

function caretParentKind(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return 'none';
    const node = selection.anchor.getNode();
    return $isTextNode(node) ? `${node.getParentOrThrow().getType()}:${node.getTextContent()}` : node.getType();
  });
}

describe('an insertion opened where a composition starts', () => {
  it('splits the text at the caret and puts the caret in a new insertion of the author', () => {
    const editor = testEditor([['甲乙']]);
    openAt(editor, 0, 1);
    expect(dump(editor)).toEqual([`甲[+${PLACEHOLDER}]乙`]);
    expect(caretParentKind(editor)).toBe(`suggestion:${PLACEHOLDER}`);
  });

  it('opens none inside the author\'s own insertion', () => {
    const editor = testEditor([['甲乙']]);
    openAt(editor, 0, 1);
    const before = dump(editor);
    editor.update(() => $openInsertionAtCaret(ALICE), { discrete: true });
    expect(dump(editor)).toEqual(before);
  });

  it('opens it outside a deletion of another author, splitting that deletion', () => {
    const editor = testEditor([['甲', del('乙丙', meta('d1', BOB)), '丁']]);
    openAt(editor, 1, 1);
    expect(dump(editor)).toEqual([`甲[-乙][+${PLACEHOLDER}][-丙]丁`]);
  });
});
