import { describe, expect, it } from 'vitest';
import type { LexicalEditor } from 'lexical';
import { registerSuggesting } from './capture';
import { $acceptSuggestion, $rejectSuggestion } from './operations';
import { judgeSuggestionUpdate } from './suggestionRule';
import { ALICE, BOB, del, ins, meta, testEditor, type Piece } from './testing';
import { $getRoot, $isTextNode } from 'lexical';

const state = (editor: LexicalEditor): unknown => editor.getEditorState().toJSON();

function body(paragraphs: ReadonlyArray<readonly Piece[]>): unknown {
  return state(testEditor(paragraphs));
}

describe('judgeSuggestionUpdate', () => {
  const pending: Piece[][] = [['甲', ins('乙', meta('i', BOB)), del('丙', meta('d', BOB)), '丁']];

  it('allows new suggestions of the holder', () => {
    const editor = testEditor([['甲乙']]);
    const before = state(editor);
    registerSuggesting(editor, ALICE);
    editor.update(() => {
      const text = $getRoot().getFirstDescendant();
      if ($isTextNode(text)) text.setTextContent('甲丙乙').select(2, 2);
    }, { discrete: true });
    expect(judgeSuggestionUpdate(before, state(editor), ALICE)).toEqual({ allowed: true, decided: [] });
  });

  it('allows accepting and rejecting pending suggestions of others', () => {
    const editor = testEditor(pending);
    const before = state(editor);
    editor.update(() => { $acceptSuggestion('i'); $rejectSuggestion('d'); }, { discrete: true });
    expect(judgeSuggestionUpdate(before, state(editor), ALICE)).toEqual({
      allowed: true,
      decided: [
        { id: 'i', kind: 'insert', authorId: BOB.id, authorName: BOB.name, at: meta('i', BOB).at, text: '乙', accepted: true },
        { id: 'd', kind: 'delete', authorId: BOB.id, authorName: BOB.name, at: meta('d', BOB).at, text: '丙', accepted: false },
      ],
    });
    const other = testEditor(pending);
    other.update(() => { $rejectSuggestion('i'); $acceptSuggestion('d'); }, { discrete: true });
    const verdict = judgeSuggestionUpdate(before, state(other), ALICE);
    expect(verdict.allowed && verdict.decided.map((d) => [d.id, d.accepted])).toEqual([['i', false], ['d', true]]);
  });

  it('does not list a holder withdrawing their own insertion as a decision, but lists accepting it', () => {
    const own: Piece[][] = [['甲', ins('乙', meta('mine', ALICE))]];
    const withdrawn = testEditor(own);
    withdrawn.update(() => { $rejectSuggestion('mine'); }, { discrete: true });
    expect(judgeSuggestionUpdate(body(own), state(withdrawn), ALICE)).toEqual({ allowed: true, decided: [] });
    const accepted = testEditor(own);
    accepted.update(() => { $acceptSuggestion('mine'); }, { discrete: true });
    const verdict = judgeSuggestionUpdate(body(own), state(accepted), ALICE);
    expect(verdict.allowed && verdict.decided.map((d) => [d.id, d.accepted])).toEqual([['mine', true]]);
  });

  it('refuses a direct edit', () => {
    expect(judgeSuggestionUpdate(body([['甲乙']]), body([['甲丙']]), ALICE)).toEqual({ allowed: false, reason: 'direct-edit' });
  });

  it('refuses a suggestion forged under another author', () => {
    expect(judgeSuggestionUpdate(body([['甲']]), body([['甲', ins('乙', meta('n', BOB))]]), ALICE))
      .toEqual({ allowed: false, reason: 'forged-author' });
  });

  it('refuses changing another reviewer\'s suggestion, and text typed into it under their name', () => {
    const before = body(pending);
    const moved = [['甲', ins('乙', { ...meta('i', BOB), at: '2030-01-01T00:00:00.000Z' }), del('丙', meta('d', BOB)), '丁']];
    expect(judgeSuggestionUpdate(before, body(moved), ALICE)).toEqual({ allowed: false, reason: 'altered-suggestion' });
    const grown = [['甲', ins('乙戊', meta('i', BOB)), del('丙', meta('d', BOB)), '丁']];
    expect(judgeSuggestionUpdate(before, body(grown), ALICE)).toEqual({ allowed: false, reason: 'altered-suggestion' });
  });

  it('allows what capture makes of typing inside another reviewer\'s insertion: the typist\'s own insertion next to it', () => {
    const editor = testEditor([['甲', ins('乙', meta('i', BOB))]]);
    const before = state(editor);
    registerSuggesting(editor, ALICE);
    editor.update(() => {
      const text = $getRoot().getLastDescendant();
      if ($isTextNode(text)) text.select(1, 1).insertText('戊');
    }, { discrete: true });
    expect(judgeSuggestionUpdate(before, state(editor), ALICE)).toEqual({ allowed: true, decided: [] });
  });
});
