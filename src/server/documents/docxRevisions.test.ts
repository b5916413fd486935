/**
 * Word revisions both ways: a body with pending suggestions exported with revisions and imported
 * again has the same suggestions (text, kind, author, time; Word keeps no user id, so the author id
 * becomes `word:<name>`), paragraph marks and level changes included.
 */
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { bodyBlocksFromLexical, type BodyBlock } from '../../core/body/bodyModel';
import { bodyJson } from '../../core/body/testing';
import { exportDocx } from '../../core/docx/docxExporter';
import { $isDeskParagraphNode } from '../../core/editor/DeskParagraphNode';
import { encodeSeedBody, readBody } from '../../core/editor/headless';
import { $fill, BOB, del, ins, meta } from '../../core/suggestions/testing';
import { importDocx } from './docxImporter';

function $paragraphAt(index: number) {
  const node = $getRoot().getChildAtIndex(index);
  if (!$isDeskParagraphNode(node)) throw new Error('not a paragraph');
  return node;
}

const BODY = bodyJson(() => {
  $fill([
    ['现将有关事项', ins('通知', meta('s1')), '如下，', del('请', meta('s2', BOB)), '认真贯彻执行。'],
    ['第二段', del('删去', meta('s3'))],
    ['另起一段。'],
    ['一、总体要求'],
  ]);
  $paragraphAt(2).setSuggestions({ split: meta('s4', BOB) });
  $paragraphAt(3).setLevel(1).setSuggestions({ join: meta('s5'), level: { ...meta('s6', BOB), from: 0 } });
});

/** The marked view with what Word cannot keep (suggestion ids, user ids) left out. */
function comparable(blocks: readonly BodyBlock[]): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id' && key !== 'authorId').map(([key, v]) => [key, strip(v)]));
  };
  return strip(blocks);
}

describe('Word revisions round trip', () => {
  it('imports an export with revisions as the same pending suggestions', async () => {
    const bytes = await exportDocx({ kind: 'manuscript', title: '关于做好年终工作的通知', properties: {}, body: BODY, final: false, revisions: true });
    const imported = await importDocx(bytes);
    const json = readBody(encodeSeedBody(imported.blocks)).json;
    expect(comparable(bodyBlocksFromLexical(json, { suggestions: 'marked' }))).toEqual(comparable(bodyBlocksFromLexical(BODY, { suggestions: 'marked' })));
    const authors = new Set(JSON.stringify(json).match(/word:[^"]+/g));
    expect(authors).toEqual(new Set(['word:张三', 'word:李四']));
    // What an approval vouches for is the same too.
    expect(bodyBlocksFromLexical(json)).toEqual(bodyBlocksFromLexical(BODY));
  });

  it('imports a file without revisions as before', async () => {
    const bytes = await exportDocx({ kind: 'manuscript', title: '通知', properties: {}, body: BODY, final: false });
    const imported = await importDocx(bytes);
    expect(JSON.stringify(imported.blocks)).not.toContain('suggestion');
  });
});
