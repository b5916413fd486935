import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { bindHeadlessEditor, encodeSeedBody, readBody } from '../../core/editor/headless';
import { registerSuggesting } from '../../core/suggestions/capture';
import { judgeIncomingUpdate, listSuggestionsOf, resolveSuggestionsUpdate } from './suggestionTasks';

const read = (state: Uint8Array) => readBody(state).json;

function client(seed: Uint8Array): { doc: Y.Doc; editor: LexicalEditor; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const { editor } = bindHeadlessEditor(doc);
  Y.applyUpdate(doc, seed);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => { updates.push(update); });
  return { doc, editor, updates };
}

function typeAt(editor: LexicalEditor, index: number, offset: number, text: string): void {
  editor.update(() => {
    const block = $getRoot().getChildren()[index];
    const node = $isElementNode(block) ? block.getFirstDescendant() : null;
    if ($isTextNode(node)) node.select(offset, offset).insertText(text);
  }, { discrete: true });
}

describe('suggestion tasks', () => {
  const seed = encodeSeedBody([{ type: 'paragraph', text: '甲乙丙丁' }, { type: 'paragraph', text: '戊己庚' }]);

  it('allows the holder\'s suggestion and refuses a forged author, a direct edit and an update built on a refused one', () => {
    const holder = client(seed);
    registerSuggesting(holder.editor, { id: 'u1', name: '李审核' });
    typeAt(holder.editor, 0, 2, '新');
    const [suggestion] = holder.updates.splice(0);
    expect(judgeIncomingUpdate({ live: seed, update: suggestion, holderId: 'u1' }, read)).toEqual({ allowed: true, decided: [] });
    expect(judgeIncomingUpdate({ live: seed, update: suggestion, holderId: 'u2' }, read)).toEqual({ allowed: false, reason: 'forged-author' });

    const direct = client(seed);
    typeAt(direct.editor, 0, 0, '改');
    typeAt(direct.editor, 0, 0, '再');
    const [first, second] = direct.updates;
    expect(judgeIncomingUpdate({ live: seed, update: first, holderId: 'u1' }, read)).toEqual({ allowed: false, reason: 'direct-edit' });
    expect(judgeIncomingUpdate({ live: seed, update: second, holderId: 'u1' }, read)).toEqual({ allowed: false, reason: 'direct-edit' });
  });

  it('lists, accepts and rejects suggestions as a Yjs change', () => {
    const holder = client(seed);
    registerSuggesting(holder.editor, { id: 'u1', name: '李审核' });
    typeAt(holder.editor, 0, 2, '新');
    typeAt(holder.editor, 1, 1, '旧');
    const live = Y.encodeStateAsUpdate(holder.doc);
    const listed = listSuggestionsOf(read(live));
    expect(listed.map((s) => [s.kind, s.text, s.authorName, s.paragraphIndex])).toEqual([['insert', '新', '李审核', 0], ['insert', '旧', '李审核', 1]]);
    const { update, resolved } = resolveSuggestionsUpdate({ live, accept: true, ids: [listed[0].id] });
    expect(resolved).toBe(1);
    Y.applyUpdate(holder.doc, update);
    expect(readBody(Y.encodeStateAsUpdate(holder.doc)).text).toBe('甲乙新丙丁\n戊己庚');
    const rest = resolveSuggestionsUpdate({ live: Y.encodeStateAsUpdate(holder.doc), accept: false, authorId: 'u1' });
    expect(rest.resolved).toBe(1);
    expect(resolveSuggestionsUpdate({ live: seed, accept: true }).resolved).toBe(0);
  });

  it('judges a keystroke on a 40,000-character body in the time it reports', () => {
    const paragraph = '今年以来，沂河新区坚持项目为王，强化要素保障，推动重点项目提速增效。'.repeat(6);
    const long = encodeSeedBody(Array.from({ length: Math.ceil(40_000 / paragraph.length) }, () => ({ type: 'paragraph' as const, text: paragraph })));
    const holder = client(long);
    registerSuggesting(holder.editor, { id: 'u1', name: '李审核' });
    const cache = new Map<string, ReturnType<typeof read>>();
    const cached = (state: Uint8Array) => {
      const key = Buffer.from(state).toString('base64');
      const found = cache.get(key) ?? read(state);
      cache.set(key, found);
      return found;
    };
    let live = long;
    const times: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      typeAt(holder.editor, 20 + i * 10, 5, '改');
      const update = Y.mergeUpdates(holder.updates.splice(0));
      const started = performance.now();
      expect(judgeIncomingUpdate({ live, update, holderId: 'u1' }, cached)).toEqual({ allowed: true, decided: [] });
      times.push(Math.round(performance.now() - started));
      live = Y.encodeStateAsUpdate(holder.doc);
    }
    console.log(`judge of one keystroke on 40,000 characters, in the worker (ms): ${times.join(' ')}`);
  });
});
