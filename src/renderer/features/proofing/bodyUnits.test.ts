import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getNodeByKey, $getRoot } from 'lexical';
import { bindHeadlessEditor } from '../../../core/editor/headless';
import { $item, $list, $paragraph, $richBody, $table, $text } from '../../../core/body/testing';
import { bodyBlocksFromLexical } from '../../../core/body/bodyModel';
import { paragraphsOfBlocks } from '../../../core/proofing';
import { readBodyUnits, type BodyUnit } from './bodyUnits';

function unitsOf($build: () => void): { units: BodyUnit[]; placed: string[]; expected: ReturnType<typeof paragraphsOfBlocks> } {
  const { editor, dispose } = bindHeadlessEditor(new Y.Doc());
  try {
    editor.update(() => {
      $getRoot().clear();
      $build();
    }, { discrete: true });
    const units = readBodyUnits(editor);
    // Each unit's text rebuilt from where its segments say the characters live.
    const placed = editor.getEditorState().read(() => units.map((unit) => unit.segments.map((seg) => {
      if (!seg.text) return ($getNodeByKey(seg.key)?.getType() === 'tab') ? '\t' : '\n';
      return $getNodeByKey(seg.key)?.getTextContent() ?? '?';
    }).join('')));
    return { units, placed, expected: paragraphsOfBlocks(bodyBlocksFromLexical(editor.getEditorState().toJSON())) };
  } finally {
    dispose();
  }
}

describe('proofreading units in the editor', () => {
  it('are the body model’s paragraphs, each placed on the nodes its characters live in', () => {
    const { units, placed, expected } = unitsOf($richBody);
    expect(units.map((u) => u.input)).toEqual(expected);
    expect(placed).toEqual(units.map((u) => u.input.text));
    expect(units.every((u) => u.key !== '')).toBe(true);
    // A cell of two paragraphs is two units, as the server's gate reads it.
    expect(units.filter((u) => u.input.kind === 'cell').map((u) => u.input.text)).toEqual(['甲', '乙', '项目', '甲乙', '']);
  });

  it('skip a list item that only holds a nested list, as the model does', () => {
    const { units, placed } = unitsOf(() => $getRoot().append(
      $list('bullet', $item($text('甲')), $item($list('bullet', $item($text('乙'))))),
      $table([[[$paragraph(0, '', $text('丙'))]]]),
    ));
    expect(units.map((u) => [u.input.kind, u.input.text])).toEqual([['listItem', '甲'], ['listItem', '乙'], ['cell', '丙']]);
    expect(placed).toEqual(['甲', '乙', '丙']);
  });
});
