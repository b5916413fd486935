import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { bindHeadlessEditor, encodeSeedBody, readBody } from '../editor/headless';
import { $item, $list, $paragraph, $table, $text, BITS, bodyJson } from '../body/testing';
import {
  canonicalContent, canonicalText, formatContentHash, parseContentHash, serializeCanonical, shortContentHash,
  type CanonicalInput,
} from './canonical';
import { V1_FIXTURE } from './fixtures/v1Body';

const meta: { title: string; kind: string; properties: Record<string, string> } = { title: '沂河新区“四个一”机制推动重点项目提速增效', kind: 'info', properties: { 期号: '第45期', 报: '市委办公室。' } };

/** The hashed text itself: equal serializations hash equal, so comparing them tests the hash. */
function hashOf(state: Uint8Array, fields = meta): string {
  return serializeCanonical(canonicalContent({ ...fields, body: readBody(state).json }));
}

describe('canonical content hash (version 2)', () => {
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

  it('changes when the title gains a space, which v1 trimmed away (the export prints the title as it is)', () => {
    const body = encodeSeedBody([{ type: 'paragraph', text: '正文' }]);
    expect(hashOf(body, { ...meta, title: `${meta.title} ` })).not.toBe(hashOf(body));
  });
});

/** Both versions' texts of one piece whose body is built in a headless editor. */
function both($build: () => void, fields: Omit<CanonicalInput, 'body'> = meta): { v1: string; v2: string } {
  const input = { ...fields, body: bodyJson($build) };
  return { v1: canonicalText(input, 1), v2: canonicalText(input, 2) };
}

describe('canonical versions side by side', () => {
  const cellOf = (...paragraphs: string[]) => () => $getRoot().append(
    $table([[paragraphs.map((t) => $paragraph(0, '', $text(t)))]]));
  const aligned = (align: 'left' | 'center') => () => $getRoot().append($paragraph(0, align, $text('落款')));
  const formatted = (format: number) => () => $getRoot().append($paragraph(0, '', $text('H'), $text('2', format), $text('O')));

  it.each([
    ['a table cell of the paragraphs 甲 and 乙, and one of 甲乙', cellOf('甲', '乙'), cellOf('甲乙')],
    ['centered and left-aligned paragraphs', aligned('center'), aligned('left')],
    ['subscript and plain text', formatted(BITS.subscript), formatted(0)],
    ['superscript and subscript', formatted(BITS.superscript), formatted(BITS.subscript)],
  ])('v2 tells apart %s, which v1 does not', (_name, a, b) => {
    const [first, second] = [both(a), both(b)];
    expect(first.v2).not.toBe(second.v2);
    expect(first.v1).toBe(second.v1);
  });

  it.each([
    ['list depth', () => $getRoot().append($list('bullet', $item($text('甲')), $item($text('乙')))),
      () => $getRoot().append($list('bullet', $item($text('甲')), $item($list('bullet', $item($text('乙'))))))],
    ['list kind', () => $getRoot().append($list('bullet', $item($text('甲')))), () => $getRoot().append($list('number', $item($text('甲'))))],
    ['structure level', () => $getRoot().append($paragraph(3, '', $text('1.甲'))), () => $getRoot().append($paragraph(4, '', $text('1.甲')))],
    ['bold', formatted(BITS.bold), formatted(0)],
  ])('both versions tell apart a change of %s', (_name, a, b) => {
    const [first, second] = [both(a), both(b)];
    expect(first.v2).not.toBe(second.v2);
    expect(first.v1).not.toBe(second.v1);
  });

  it('v2 ignores what the export does not print: code and highlight bits, indent, how text is split', () => {
    const plain = both(() => $getRoot().append($paragraph(0, '', $text('甲乙丙'))));
    const split = both(() => $getRoot().append($paragraph(0, '', $text('甲'), $text('乙', BITS.code | BITS.highlight), $text('丙'))));
    const indented = both(() => $getRoot().append($paragraph(0, '', $text('甲乙丙')).setIndent(2)));
    expect(split.v2).toBe(plain.v2);
    expect(indented.v2).toBe(plain.v2);
  });

  it('v2 keeps list properties as the layouts print them: an empty item counts, a blank text does not', () => {
    const body = encodeSeedBody([{ type: 'paragraph', text: '正文' }]);
    const v2 = (properties: Record<string, string | string[]>) => canonicalText({ ...meta, properties, body: readBody(body).json }, 2);
    // propertyText joins a list with '，': ['甲', '', '乙'] prints 甲，，乙.
    expect(v2({ ...meta.properties, 主送机关: ['甲', '', '乙'] })).not.toBe(v2({ ...meta.properties, 主送机关: ['甲', '乙'] }));
    expect(v2({ ...meta.properties, 抄送: '  ', 附注: [] })).toBe(v2(meta.properties));
  });

  it('marks v2 hashes and reads bare ones as v1; refuses what it cannot verify', () => {
    const digest = 'ab'.repeat(32);
    expect(formatContentHash({ version: 2, digest })).toBe(`v2:${digest}`);
    expect(formatContentHash({ version: 1, digest })).toBe(digest);
    expect(parseContentHash(`v2:${digest}`)).toEqual({ version: 2, digest });
    expect(parseContentHash(digest)).toEqual({ version: 1, digest });
    for (const bad of [`v3:${digest}`, `v1:${digest}`, digest.toUpperCase(), digest.slice(1), '', `v2:${digest}x`]) {
      expect(parseContentHash(bad)).toBeNull();
    }
    expect(shortContentHash(`v2:${digest}`, 8)).toBe('abababab');
    expect(shortContentHash(digest, 12)).toBe(digest.slice(0, 12));
  });

  it('v1 and v2 texts of the same piece differ, so a hash never passes for the other version', () => {
    expect(canonicalText(V1_FIXTURE, 1)).not.toBe(canonicalText(V1_FIXTURE, 2));
    expect(canonicalText(V1_FIXTURE, 2)).toContain('"canonical":2');
  });
});
