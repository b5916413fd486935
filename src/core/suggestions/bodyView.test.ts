import { describe, expect, it } from 'vitest';
import { $getRoot } from 'lexical';
import { bodyBlocksFromLexical, bodyLines, type BodyBlock } from '../body/bodyModel';
import { bodyJson } from '../body/testing';
import { $isDeskParagraphNode } from '../editor/DeskParagraphNode';
import { $fill, BOB, del, ins, meta, type Piece } from './testing';
import type { ParagraphSuggestions } from './types';

function body(paragraphs: ReadonlyArray<readonly Piece[]>, $more: () => void = () => undefined) {
  return bodyJson(() => {
    $fill(paragraphs);
    $more();
  });
}

function $paragraphAt(index: number) {
  const node = $getRoot().getChildAtIndex(index);
  if (!$isDeskParagraphNode(node)) throw new Error('not a paragraph');
  return node;
}

describe('views of a body with suggestions', () => {
  const inline = body([['甲', ins('乙', meta('s1')), '丙', del('丁', meta('s2', BOB)), '戊']]);

  it('reads the original by default: insertions left out, deletions kept', () => {
    expect(bodyLines(bodyBlocksFromLexical(inline))).toEqual(['甲丙丁戊']);
    expect(bodyBlocksFromLexical(inline)).toEqual<BodyBlock[]>([{ type: 'paragraph', level: 0, align: '', runs: [{ text: '甲丙丁戊', format: 0 }] }]);
  });

  it('reads the text with all applied on request', () => {
    expect(bodyLines(bodyBlocksFromLexical(inline, { suggestions: 'applied' }))).toEqual(['甲乙丙戊']);
  });

  it('tags the runs of suggested text in the marked view', () => {
    const [block] = bodyBlocksFromLexical(inline, { suggestions: 'marked' });
    expect(block).toMatchObject({
      runs: [
        { text: '甲', format: 0 },
        { text: '乙', suggestion: { kind: 'insert', id: 's1', authorName: '张三' } },
        { text: '丙', format: 0 },
        { text: '丁', suggestion: { kind: 'delete', id: 's2', authorId: BOB.id } },
        { text: '戊', format: 0 },
      ],
    });
    expect(block.type === 'paragraph' && block.runs[0]).not.toHaveProperty('suggestion');
  });

  it('joins a suggested split back in the original and keeps it in the applied view', () => {
    const json = body([['一、', ins('总', meta('s1'))], ['体要求']], () => {
      $paragraphAt(0).setLevel(1);
      $paragraphAt(1).setSuggestions({ split: meta('s2') });
    });
    expect(bodyBlocksFromLexical(json)).toEqual<BodyBlock[]>([{ type: 'paragraph', level: 1, align: '', runs: [{ text: '一、体要求', format: 0 }] }]);
    expect(bodyLines(bodyBlocksFromLexical(json, { suggestions: 'applied' }))).toEqual(['一、总', '体要求']);
    const marked = bodyBlocksFromLexical(json, { suggestions: 'marked' });
    expect(marked[1]).toMatchObject({ suggestions: { split: { id: 's2' }, join: null, level: null } });
  });

  it('keeps a suggested join apart in the original and joins it, at the first paragraph\'s level, when applied', () => {
    const json = body([['甲'], ['乙'], ['丙']], () => {
      $paragraphAt(0).setLevel(2);
      $paragraphAt(1).setSuggestions({ join: meta('s1') });
      $paragraphAt(2).setSuggestions({ join: meta('s2') });
    });
    expect(bodyLines(bodyBlocksFromLexical(json))).toEqual(['甲', '乙', '丙']);
    expect(bodyBlocksFromLexical(json, { suggestions: 'applied' })).toEqual<BodyBlock[]>([{ type: 'paragraph', level: 2, align: '', runs: [{ text: '甲乙丙', format: 0 }] }]);
  });

  it('reads the former level in the original view', () => {
    const json = body([['一、总体要求']], () => {
      $paragraphAt(0).setLevel(1).setSuggestions({ level: { ...meta('s1'), from: 0 } });
    });
    expect(bodyBlocksFromLexical(json)).toMatchObject([{ level: 0 }]);
    expect(bodyBlocksFromLexical(json, { suggestions: 'applied' })).toMatchObject([{ level: 1 }]);
    const [marked] = bodyBlocksFromLexical(json, { suggestions: 'marked' });
    expect(marked.type === 'paragraph' && marked.suggestions).toEqual<ParagraphSuggestions>({ split: null, join: null, level: { ...meta('s1'), from: 0 } });
  });
});
