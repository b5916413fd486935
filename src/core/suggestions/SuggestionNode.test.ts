import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getRoot } from 'lexical';
import { bindHeadlessEditor, encodeSeedBody, readBody } from '../editor/headless';
import { $isDeskParagraphNode } from '../editor/DeskParagraphNode';
import { $fill, ALICE, BOB, del, dump, ins, meta, syncedPair } from './testing';

describe('suggestion nodes', () => {
  it('serialize their kind and meta, deletion marks on the text, and paragraph suggestions only when set', () => {
    const doc = new Y.Doc();
    const { editor, dispose } = bindHeadlessEditor(doc);
    editor.update(() => {
      $fill([['甲', ins('乙', meta('s1')), del('丙', meta('s2', BOB))], ['丁']]);
      const second = $getRoot().getLastChild();
      if ($isDeskParagraphNode(second)) {
        second.setSuggestions({ split: meta('s3'), level: { ...meta('s4'), from: 2 } });
      }
    }, { discrete: true });
    dispose();
    const json = readBody(Y.encodeStateAsUpdate(doc)).json;
    const [first, second] = json.root.children;
    expect(first).not.toHaveProperty('suggestedSplit');
    expect(first).toMatchObject({ children: [{ text: '甲' }, { type: 'suggestion', kind: 'insert', id: 's1', authorId: ALICE.id, children: [{ text: '乙' }] }, { type: 'text', text: '丙', $: { deletion: { id: 's2', authorName: BOB.name } } }] });
    expect(second).toMatchObject({ suggestedSplit: { id: 's3' }, suggestedLevel: { id: 's4', from: 2 } });
    expect(second).not.toHaveProperty('suggestedJoin');
  });

  it('reads bodies without suggestions exactly as before', () => {
    const json = readBody(encodeSeedBody([{ type: 'paragraph', level: 1, text: '一、' }])).json;
    expect(Object.keys(json.root.children[0]).filter((key) => key.startsWith('suggested'))).toEqual([]);
  });

  it('sync through Yjs, paragraph properties included', () => {
    const { a, b, sync, dispose } = syncedPair();
    a.update(() => {
      $fill([['甲', ins('乙', meta('s1'))], ['丙']]);
      const second = $getRoot().getLastChild();
      if ($isDeskParagraphNode(second)) second.setSuggestions({ join: meta('s2', BOB) });
    }, { discrete: true });
    sync();
    expect(dump(b)).toEqual(['甲[+乙]', '⏎-丙']);
    b.update(() => {
      const second = $getRoot().getLastChild();
      if ($isDeskParagraphNode(second)) second.setSuggestions({ join: null });
    }, { discrete: true });
    sync();
    expect(dump(a)).toEqual(['甲[+乙]', '丙']);
    dispose();
  });
});
