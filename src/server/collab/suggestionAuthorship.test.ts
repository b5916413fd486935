import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getRoot, $isTextNode, type LexicalEditor } from 'lexical';
import { bindHeadlessEditor } from '../../core/editor/headless';
import { $isDeskParagraphNode } from '../../core/editor/DeskParagraphNode';
import { registerSuggesting } from '../../core/suggestions/capture';
import { $rejectSuggestion } from '../../core/suggestions/operations';
import { ALICE, BOB, $fill, del, enter, ins, meta, select, type } from '../../core/suggestions/testing';
import { SuggestionAuthorship, metasOfDoc } from './suggestionAuthorship';

/** The server's document and a writer's client on its own Y.Doc, each edit judged before it reaches the server. */
function session(build: Parameters<typeof $fill>[0]) {
  const server = new Y.Doc();
  const seed = bindHeadlessEditor(server);
  seed.editor.update(() => $fill(build), { discrete: true });
  seed.dispose();
  const client = new Y.Doc();
  const bound = bindHeadlessEditor(client);
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const authorship = new SuggestionAuthorship();
  /** Runs `edit` on the client; true when the server lets the update through (and applies it). */
  const send = (edit: (editor: LexicalEditor) => void, writer = ALICE): boolean => {
    const before = Y.encodeStateVector(client);
    edit(bound.editor);
    const update = Y.encodeStateAsUpdate(client, before);
    const allowed = authorship.allows('body:1', server, Y.decodeUpdate(update), writer);
    if (allowed) Y.applyUpdate(server, update);
    return allowed;
  };
  return { server, client, editor: bound.editor, send, authorship };
}

const update = (editor: LexicalEditor, fn: () => void): void => editor.update(fn, { discrete: true });

describe('suggestion authorship (who wrote each 修订 is what the server knows)', () => {
  it('lets plain typing and a writer’s own suggestions through', () => {
    const { editor, send } = session([['各街道要按时报送']]);
    expect(send((e) => { select(e, 0, 2); type(e, '和部门'); })).toBe(true);
    const stop = registerSuggesting(editor, ALICE);
    expect(send((e) => { select(e, 0, 0); type(e, '请'); })).toBe(true);
    expect(send((e) => { select(e, 0, 3, 5); type(e, ''); })).toBe(true);
    expect(send((e) => { select(e, 0, 4); enter(e); })).toBe(true);
    stop();
  });

  it('refuses a new insertion, deletion or paragraph split under a colleague’s id', () => {
    const { send } = session([['各街道要按时报送']]);
    expect(send((e) => update(e, () => $fill([['各街道', ins('务必', meta('f1', BOB)), '要按时报送']])))).toBe(false);
    expect(send((e) => update(e, () => $fill([['各街道', del('要', meta('f2', BOB)), '按时报送']])))).toBe(false);
    expect(send((e) => update(e, () => {
      const paragraph = $getRoot().getFirstChildOrThrow();
      if ($isDeskParagraphNode(paragraph)) paragraph.setSuggestions({ split: meta('f3', BOB) });
    }))).toBe(false);
  });

  it('refuses the writer’s own id under a colleague’s name, and a colleague’s suggestion id reused', () => {
    const { send } = session([['各街道', ins('务必', meta('b1', BOB)), '要按时报送']]);
    expect(send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b1', BOB)), '要', ins('按', meta('f4', { id: ALICE.id, name: BOB.name })), '时报送']])))).toBe(false);
    expect(send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b1', BOB)), '要', ins('按', meta('b1', ALICE)), '时报送']])))).toBe(false);
  });

  it('refuses turning one’s own suggestion into a colleague’s by changing a property alone', () => {
    const { client, send } = session([['各街道要按时报送']]);
    expect(send((e) => update(e, () => $fill([['各街道', ins('务必', meta('a1', ALICE)), '要按时报送']])))).toBe(true);
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
    expect(send(() => { (element as unknown as Y.XmlText).setAttribute('__authorId', BOB.id); })).toBe(false);
    expect(send(() => { (element as unknown as Y.XmlText).setAttribute('__authorName', BOB.name); })).toBe(false);
  });

  it('lets a colleague’s marks through where the writer’s editing re-partitions them', () => {
    const { editor, send, server } = session([['各街道', del('要按时', meta('b2', BOB)), '报送', ins('准确', meta('b3', BOB))]]);
    // Bold across half of the struck text: the text node splits and both halves carry 李四's mark.
    expect(send((e) => { select(e, 0, 4, 7); e.update(() => {
      for (const node of $getRoot().getAllTextNodes()) if ($isTextNode(node) && node.getTextContent().includes('按')) node.setFormat('bold');
    }); })).toBe(true);
    // Enter inside 李四's insertion: the element is copied to the new paragraph.
    expect(send((e) => { select(e, 0, 10); enter(e); })).toBe(true);
    expect(metasOfDoc(server).filter((m) => m.authorId === BOB.id).map((m) => m.id).sort()).toEqual(expect.arrayContaining(['b2', 'b3']));
    void editor;
  });

  it('lets an undone reject bring a colleague’s suggestion back', () => {
    const { send } = session([['各街道', ins('务必', meta('b4', BOB)), '要按时报送']]);
    expect(send((e) => update(e, () => { $rejectSuggestion('b4'); }))).toBe(true);
    expect(send((e) => update(e, () => $fill([['各街道', ins('务必', meta('b4', BOB)), '要按时报送']])))).toBe(true);
  });

  it('refuses an update that builds on what the server never had (it could not be judged)', () => {
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
    expect(authorship.allows('body:1', server, Y.decodeUpdate(second), ALICE)).toBe(false);
  });
});
