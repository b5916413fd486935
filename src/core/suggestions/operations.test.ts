import { describe, expect, it } from 'vitest';
import { $getRoot, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { $isDeskParagraphNode } from '../editor/DeskParagraphNode';
import {
  $acceptAllSuggestions, $acceptSuggestion, $listSuggestions, $rejectAllSuggestions, $rejectSuggestion,
} from './operations';
import { ALICE, BOB, del, dump, ins, meta, testEditor } from './testing';

/** An update of its own undo step, as a click in the 审阅 pane makes it ('history-push'). */
function run(editor: LexicalEditor, $fn: () => void): void {
  editor.update($fn, { discrete: true, tag: 'history-push' });
}

/** Dispatches undo or redo and waits for the state it sets to be committed. */
async function command(editor: LexicalEditor, type: typeof UNDO_COMMAND): Promise<void> {
  editor.dispatchCommand(type, undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function $paragraphAt(index: number) {
  const node = $getRoot().getChildAtIndex(index);
  if (!$isDeskParagraphNode(node)) throw new Error('not a paragraph');
  return node;
}

/** 甲[+乙]丙[-丁] / ⏎+戊 (split by Bob) / {0→1}己 (level by Alice) / ⏎-庚 (join by Bob). */
function sample(): LexicalEditor {
  const editor = testEditor([['甲', ins('乙', meta('i1')), '丙', del('丁', meta('d1', BOB))], ['戊'], ['己'], ['庚']]);
  editor.update(() => {
    $paragraphAt(1).setSuggestions({ split: meta('p1', BOB) });
    $paragraphAt(2).setLevel(1).setSuggestions({ level: { ...meta('l1'), from: 0 } });
    $paragraphAt(3).setSuggestions({ join: meta('j1', BOB) });
  }, { discrete: true, tag: 'history-merge' });
  return editor;
}

describe('suggestion operations', () => {
  it('list the pending suggestions in document order, pieces of one suggestion as one', () => {
    const editor = testEditor([[ins('甲', meta('i1')), ins('乙', meta('i1')), '丙', del('丁', meta('d1', BOB))], [ins('戊', meta('i1'))]]);
    const list = editor.getEditorState().read($listSuggestions);
    expect(list.map(({ id, kind, text, paragraphIndex, authorName }) => ({ id, kind, text, paragraphIndex, authorName }))).toEqual([
      { id: 'i1', kind: 'insert', text: '甲乙', paragraphIndex: 0, authorName: ALICE.name },
      { id: 'd1', kind: 'delete', text: '丁', paragraphIndex: 0, authorName: BOB.name },
      { id: 'i1', kind: 'insert', text: '戊', paragraphIndex: 1, authorName: ALICE.name },
    ]);
    expect(sample().getEditorState().read($listSuggestions).map((entry) => `${entry.kind}:${entry.id}@${entry.paragraphIndex}`))
      .toEqual(['insert:i1@0', 'delete:d1@0', 'split:p1@1', 'level:l1@2', 'join:j1@3']);
  });

  it('accept: an insertion stays, a deletion goes, a split stays, a level stays, a join joins', () => {
    const editor = sample();
    for (const id of ['i1', 'd1', 'p1', 'l1', 'j1']) run(editor, () => { expect($acceptSuggestion(id)).toBe(true); });
    expect(dump(editor)).toEqual(['甲乙丙', '戊', '己庚']);
    expect(editor.getEditorState().read(() => $paragraphAt(2).getLevel())).toBe(1);
    expect(editor.getEditorState().read($listSuggestions)).toEqual([]);
  });

  it('reject: the reverse of accept', () => {
    const editor = sample();
    for (const id of ['i1', 'd1', 'p1', 'l1', 'j1']) run(editor, () => { expect($rejectSuggestion(id)).toBe(true); });
    expect(dump(editor)).toEqual(['甲丙丁戊', '己', '庚']);
    expect(editor.getEditorState().read(() => $paragraphAt(1).getLevel())).toBe(0);
    run(editor, () => { expect($rejectSuggestion('i1')).toBe(false); });
  });

  it('accept and reject in bulk, all or one author\'s', () => {
    const editor = sample();
    run(editor, () => { expect($acceptAllSuggestions({ authorId: BOB.id })).toBe(3); });
    expect(dump(editor)).toEqual(['甲[+乙]丙', '戊', '{0→1}己庚']);
    run(editor, () => { expect($rejectAllSuggestions()).toBe(2); });
    expect(dump(editor)).toEqual(['甲丙', '戊', '己庚']);
  });

  it('undo an accept and a reject, and redo them', async () => {
    const editor = sample();
    const before = dump(editor);
    // (Lexical's history merges an update whose only dirty leaf kept its JSON, even tagged
    // 'history-push': accepting a deletion that ends a paragraph would merge with the step before.)
    run(editor, () => { $acceptSuggestion('i1'); });
    const accepted = dump(editor);
    expect(accepted[0]).toBe('甲乙丙[-丁]');
    run(editor, () => { $rejectSuggestion('p1'); });
    expect(dump(editor)).toEqual(['甲乙丙[-丁]戊', '{0→1}己', '⏎-庚']);
    await command(editor, UNDO_COMMAND);
    expect(dump(editor)).toEqual(accepted);
    await command(editor, UNDO_COMMAND);
    expect(dump(editor)).toEqual(before);
    await command(editor, REDO_COMMAND);
    expect(dump(editor)).toEqual(accepted);
  });
});
