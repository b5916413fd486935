import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { bindHeadlessEditor, encodeSeedBody, readBody } from '../editor/headless';
import { canonicalContent, serializeCanonical } from './canonical';

const meta: { title: string; kind: string; properties: Record<string, string> } = { title: '沂河新区“四个一”机制推动重点项目提速增效', kind: 'info', properties: { 期号: '第45期', 报: '市委办公室。' } };

/** The hashed text itself: equal serializations hash equal, so comparing them tests the hash. */
function hashOf(state: Uint8Array, fields = meta): string {
  return serializeCanonical(canonicalContent({ ...fields, body: readBody(state).json }));
}

describe('canonical content hash', () => {
  it('is the same for the same content reached by different edit histories', () => {
    const straight = encodeSeedBody([{ type: 'paragraph', level: 1, text: '一、领导包联到项目' }, { type: 'paragraph', text: '每月调度一次。' }]);

    // The same text, typed in pieces, with a detour deleted again, by two clients.
    const doc = new Y.Doc();
    const { editor, dispose } = bindHeadlessEditor(doc);
    Y.applyUpdate(doc, encodeSeedBody([{ type: 'paragraph', level: 1, text: '一、领导' }, { type: 'paragraph', text: '' }]));
    editor.update(() => {
      const [heading, body] = $getRoot().getChildren();
      if ($isElementNode(heading)) heading.append($createTextNode('包联到项目'));
      if ($isElementNode(body)) body.append($createTextNode('每月调度三次。'));
    }, { discrete: true });
    editor.update(() => {
      const text = $getRoot().getLastChild();
      const node = $isElementNode(text) ? text.getFirstChild() : null;
      if ($isTextNode(node)) node.setTextContent('每月调度一次。');
    }, { discrete: true });
    dispose();

    expect(readBody(Y.encodeStateAsUpdate(doc)).text).toBe(readBody(straight).text);
    expect(hashOf(Y.encodeStateAsUpdate(doc))).toBe(hashOf(straight));
  });

  it('does not depend on the order of properties or on empty ones', () => {
    const body = encodeSeedBody([{ type: 'paragraph', text: '正文' }]);
    expect(hashOf(body, { ...meta, properties: { 报: '市委办公室。', 期号: '第45期', 抄送: '' } })).toBe(hashOf(body));
  });

  it('changes when the title, a property, the kind, a level or a format changes', () => {
    const body = encodeSeedBody([{ type: 'paragraph', level: 1, text: '一、总体要求' }]);
    const base = hashOf(body);
    expect(hashOf(body, { ...meta, title: `${meta.title}。` })).not.toBe(base);
    expect(hashOf(body, { ...meta, properties: { ...meta.properties, 期号: '第46期' } })).not.toBe(base);
    expect(hashOf(body, { ...meta, kind: 'media' })).not.toBe(base);
    expect(hashOf(encodeSeedBody([{ type: 'paragraph', level: 2, text: '一、总体要求' }]))).not.toBe(base);
  });

  it('serializes with sorted keys at every depth', () => {
    expect(serializeCanonical({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
  });
});
