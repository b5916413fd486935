import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getRoot, $isTextNode, type LexicalEditor } from 'lexical';
import { bindHeadlessEditor } from '../../core/editor/headless';
import { $isDeskParagraphNode } from '../../core/editor/DeskParagraphNode';
import { registerSuggesting } from '../../core/suggestions/capture';
import { $rejectSuggestion } from '../../core/suggestions/operations';
import { ALICE, BOB, $fill, del, enter, ins, meta, select, type } from '../../core/suggestions/testing';
import { SuggestionAuthorship, metasOfDoc } from './suggestionAuthorship';
import { SuggestionHistory } from './suggestionHistory';
import { openTestDatabase } from '../db/testDatabase';
import pino from 'pino';

/** The server's document and a writer's client on its own Y.Doc, each edit judged before it reaches the server. */
function session(build: Parameters<typeof $fill>[0], history?: SuggestionHistory) {
  const server = new Y.Doc();
  const seed = bindHeadlessEditor(server);
  seed.editor.update(() => $fill(build), { discrete: true });
  seed.dispose();
  const client = new Y.Doc();
  const bound = bindHeadlessEditor(client);
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  let authorship = new SuggestionAuthorship(history);
  /** Runs `edit` on the client; true when the server lets the update through (and applies it). */
  const send = async (edit: (editor: LexicalEditor) => void, writer: Parameters<SuggestionAuthorship['allows']>[3] = ALICE): Promise<boolean> => {
    const before = Y.encodeStateVector(client);
    edit(bound.editor);
    const update = Y.encodeStateAsUpdate(client, before);
    const allowed = await authorship.allows('body:1', server, Y.decodeUpdate(update), writer);
    if (allowed) Y.applyUpdate(server, update);
    return allowed;
  };
  /** The server forgets the body (unloaded, or restarted): only the stored history remains. */
  const unload = (): void => { authorship = new SuggestionAuthorship(history); };
  return { server, client, editor: bound.editor, send, unload };
}

const update = (editor: LexicalEditor, fn: () => void): void => editor.update(fn, { discrete: true });

describe('suggestion authorship (who wrote each 修订 is what the server knows)', () => {
  it('lets plain typing and a writer’s own suggestions through', async () => {
    const { editor, send } = session([['各街道要按时报送']]);
    expect(await send((e) => { select(e, 0, 2); type(e, '和部门'); })).toBe(true);
    const stop = registerSuggesting(editor, ALICE);
    expect(await send((e) => { select(e, 0, 0); type(e, '请'); })).toBe(true);
    expect(await send((e) => { select(e, 0, 3, 5); type(e, ''); })).toBe(true);
    expect(await send((e) => { select(e, 0, 4); enter(e); })).toBe(true);
    stop();
  });

  it('refuses a new insertion, deletion or paragraph split under a colleague’s id', async () => {
    const { send } = session([['各街道要按时报送']]);
    expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('f1', BOB)), '要按时报送']])))).toBe(false);
    expect(await send((e) => update(e, () => $fill([['各街道', del('要', meta('f2', BOB)), '按时报送']])))).toBe(false);
    expect(await send((e) => update(e, () => {
      const paragraph = $getRoot().getFirstChildOrThrow();
      if ($isDeskParagraphNode(paragraph)) paragraph.setSuggestions({ split: meta('f3', BOB) });
    }))).toBe(false);
  });

  it('refuses the writer’s own id under a colleague’s name, and a colleague’s suggestion id reused', async () => {
    const { send } = session([['各街道', ins('务必', meta('b1', BOB)), '要按时报送']]);
    expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b1', BOB)), '要', ins('按', meta('f4', { id: ALICE.id, name: BOB.name })), '时报送']])))).toBe(false);
    expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b1', BOB)), '要', ins('按', meta('b1', ALICE)), '时报送']])))).toBe(false);
  });

  it('refuses turning one’s own suggestion into a colleague’s by changing a property alone', async () => {
    const { client, send } = session([['各街道要按时报送']]);
    expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('a1', ALICE)), '要按时报送']])))).toBe(true);
    // A raw Yjs write, as a modified client would send it: the entry's key is known only from what it overwrites.
    let element: Y.XmlText | null = null;
    const find = (type: Y.XmlText): void => {
      for (const item of type.toDelta() as Array<{ insert: unknown }>) {
        if (item.insert instanceof Y.XmlText) {
          if (item.insert.getAttribute('__type') === 'suggestion') element = item.insert;
          else find(item.insert);
        }
      }
    };
    find(client.get('root', Y.XmlText));
    expect(element).not.toBeNull();
    expect(await send(() => { (element as unknown as Y.XmlText).setAttribute('__authorId', BOB.id); })).toBe(false);
    expect(await send(() => { (element as unknown as Y.XmlText).setAttribute('__authorName', BOB.name); })).toBe(false);
  });

  it('lets a colleague’s marks through where the writer’s editing re-partitions them', async () => {
    const { editor, send, server } = session([['各街道', del('要按时', meta('b2', BOB)), '报送', ins('准确', meta('b3', BOB))]]);
    // Bold across half of the struck text: the text node splits and both halves carry 李四's mark.
    expect(await send((e) => { select(e, 0, 4, 7); e.update(() => {
      for (const node of $getRoot().getAllTextNodes()) if ($isTextNode(node) && node.getTextContent().includes('按')) node.setFormat('bold');
    }); })).toBe(true);
    // Enter inside 李四's insertion: the element is copied to the new paragraph.
    expect(await send((e) => { select(e, 0, 10); enter(e); })).toBe(true);
    expect(metasOfDoc(server).filter((m) => m.authorId === BOB.id).map((m) => m.id).sort()).toEqual(expect.arrayContaining(['b2', 'b3']));
    void editor;
  });

  it('lets an undone reject bring a colleague’s suggestion back', async () => {
    const { send } = session([['各街道', ins('务必', meta('b4', BOB)), '要按时报送']]);
    expect(await send((e) => update(e, () => { $rejectSuggestion('b4'); }))).toBe(true);
    expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b4', BOB)), '要按时报送']])))).toBe(true);
  });

  it('refuses an update that builds on what the server never had (it could not be judged)', async () => {
    const { server } = session([['各街道要按时报送']]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const first = bindHeadlessEditor(other);
    const sv = Y.encodeStateVector(other);
    first.editor.update(() => $fill([['各街道', ins('务必', meta('a2', ALICE)), '要按时报送']]), { discrete: true });
    const middle = Y.encodeStateVector(other);
    first.editor.update(() => {
      // A string property (a style), such as a meta's parts are; numbers alone could never be one.
      for (const node of $getRoot().getAllTextNodes()) if (node.getTextContent() === '务必') node.setStyle('color: red');
    }, { discrete: true });
    const second = Y.encodeStateAsUpdate(other, middle);
    void sv;
    const authorship = new SuggestionAuthorship();
    expect(await authorship.allows('body:1', server, Y.decodeUpdate(second), ALICE)).toBe(false);
  });

  it('remembers across an unload, through the stored history, a colleague\'s suggestion since rejected', async () => {
    const database = await openTestDatabase();
    try {
      const history = new SuggestionHistory(database.db, pino({ level: 'silent' }));
      const { send, unload } = session([['各街道', ins('务必', meta('b5', BOB)), '要按时报送']], history);
      expect(await send((e) => update(e, () => { $rejectSuggestion('b5'); }))).toBe(true);
      await expect.poll(async () => (await history.find('body:1', ['insert:b5'])).length).toBe(1);
      unload();
      // Brought back (an undo, or an offline copy that re-partitioned it) after the body was unloaded.
      expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b5', BOB)), '要按时报送']])))).toBe(true);
      // What the history does not hold is still refused.
      expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b5', BOB)), '要', ins('按', meta('f9', BOB)), '时报送']])))).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('without a stored history, refuses what only an unloaded body had held', async () => {
    const { send, unload } = session([['各街道', ins('务必', meta('b6', BOB)), '要按时报送']]);
    expect(await send((e) => update(e, () => { $rejectSuggestion('b6'); }))).toBe(true);
    unload();
    expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b6', BOB)), '要按时报送']])))).toBe(false);
  });

  it('takes a name the writer had before a rename as theirs, and no other', async () => {
    const { send } = session([['各街道要按时报送']]);
    const renamed = { id: ALICE.id, name: '张三丰', formerNames: new Set(['张三丰', ALICE.name]) };
    expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('a7', ALICE)), '要按时报送']])), renamed)).toBe(true);
    expect(await send((e) => update(e, () => $fill([['各街道', ins('务必', meta('a7', ALICE)), '要', ins('按', meta('a8', { id: ALICE.id, name: BOB.name })), '时报送']])), renamed)).toBe(false);
  });
});
