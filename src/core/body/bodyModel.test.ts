import { describe, expect, it } from 'vitest';
import { $getRoot } from 'lexical';
import { bodyBlocksFromLexical, bodyLines, FORMAT, type BodyBlock } from './bodyModel';
import { $item, $lineBreak, $list, $paragraph, $richBody, $tab, $table, $text, BITS, bodyJson } from './testing';

const run = (text: string, format = 0) => ({ text, format });

describe('body model', () => {
  it('reads every node the editor makes, with everything the export prints', () => {
    expect(bodyBlocksFromLexical(bodyJson($richBody))).toEqual<BodyBlock[]>([
      { type: 'paragraph', level: 1, align: '', runs: [run('一、总体要求')] },
      { type: 'paragraph', level: 2, align: '', runs: [run('（一）明确目标。', FORMAT.bold), run('全年完成投资126.5亿元。')] },
      {
        type: 'paragraph', level: 0, align: 'justify', runs: [
          // Code, highlight and letter case are not printed: their text joins its plain neighbours.
          run('正文'), run('粗', FORMAT.bold), run('斜', FORMAT.italic), run('删', FORMAT.strikethrough),
          run('线', FORMAT.underline), run('码'), run('2', FORMAT.subscript), run('3', FORMAT.superscript),
          run('亮abc\n第二行'), run('\t', FORMAT.underline), run('签名'),
        ],
      },
      { type: 'paragraph', level: 3, align: 'center', runs: [run('1.居中')] },
      { type: 'paragraph', level: 4, align: 'right', runs: [run('（1）居右')] },
      { type: 'paragraph', level: 0, align: 'left', runs: [run('居左')] },
      { type: 'paragraph', level: 0, align: '', runs: [run('起始')] },
      {
        type: 'list', ordered: false, items: [
          { depth: 0, runs: [run('甲项')] },
          { depth: 1, runs: [run('甲项之一')] },
          { depth: 2, runs: [run('更深一层')] },
          { depth: 0, runs: [run('乙项')] },
        ],
      },
      {
        type: 'list', ordered: true, items: [
          // An item with text and a nested list keeps both.
          { depth: 0, runs: [run('第一条')] },
          { depth: 1, runs: [run('第一条之一')] },
          { depth: 0, runs: [run('第二条', FORMAT.italic)] },
        ],
      },
      {
        type: 'table', rows: [
          [[[run('甲')], [run('乙')]], [[run('项目', FORMAT.bold)]]],
          [[[run('甲乙')]], [[]]],
        ],
      },
      { type: 'paragraph', level: 0, align: '', runs: [] },
    ]);
  });

  it('merges text nodes of the same printed format and drops empty ones, so a split changes nothing', () => {
    const whole = bodyJson(() => $getRoot().append($paragraph(0, '', $text('甲乙丙', BITS.bold))));
    const split = bodyJson(() => $getRoot().append($paragraph(0, '', $text('甲', BITS.bold), $text('乙', BITS.bold | BITS.code), $text('丙', BITS.bold))));
    expect(bodyBlocksFromLexical(split)).toEqual(bodyBlocksFromLexical(whole));
    expect(bodyBlocksFromLexical({ root: { children: [{ type: 'desk-paragraph', children: [{ type: 'text', text: '', format: 1 }, { type: 'text', text: '甲', format: 0 }] }] } }))
      .toEqual([{ type: 'paragraph', level: 0, align: '', runs: [run('甲')] }]);
  });

  it('reads the cells of a table as paragraphs, including lists and text set straight in a cell', () => {
    const cell = (...children: unknown[]) => ({ type: 'tablecell', children });
    const paragraph = (text: string) => ({ type: 'desk-paragraph', children: [{ type: 'text', text, format: 0 }] });
    const blocks = bodyBlocksFromLexical({
      root: {
        children: [{
          type: 'table', children: [{
            type: 'tablerow', children: [
              cell(paragraph('甲'), { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'text', text: '项', format: 8 }] }] }),
              cell({ type: 'text', text: '散', format: 0 }, { type: 'linebreak' }, { type: 'text', text: '字', format: 0 }),
              cell(),
            ],
          }],
        }],
      },
    });
    expect(blocks).toEqual([{ type: 'table', rows: [[[[run('甲')], [run('项', FORMAT.underline)]], [[run('散\n字')]], [[]]]] }]);
  });

  it('reads unknown block nodes as paragraphs of their text and ignores what is not a node', () => {
    expect(bodyBlocksFromLexical({
      root: { children: [{ type: 'heading', tag: 'h1', children: [{ type: 'link', children: [{ type: 'text', text: '链接', format: 2 }] }] }, 'x', null] },
    })).toEqual([{ type: 'paragraph', level: 0, align: '', runs: [run('链接', FORMAT.italic)] }]);
    expect(bodyBlocksFromLexical(null)).toEqual([]);
  });

  it('gives the plain-text lines: one per paragraph and list item, a table row with tabs between cells', () => {
    expect(bodyLines(bodyBlocksFromLexical(bodyJson(() => $getRoot().append(
      $paragraph(1, '', $text('一、标题'), $lineBreak(), $text('续'), $tab(), $text('尾')),
      $list('number', $item($text('条')), $item($list('number', $item($text('款'))))),
      $table([[[$paragraph(0, '', $text('甲')), $paragraph(0, '', $text('乙'))], [$paragraph(0, '', $text('丙'))]]]),
    ))))).toEqual(['一、标题\n续\t尾', '条', '款', '甲\n乙\t丙']);
  });
});
