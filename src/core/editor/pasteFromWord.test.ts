// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isListNode } from '@lexical/list';
import { $isTableNode } from '@lexical/table';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { DESK_NODES } from './nodes';
import { $isDeskParagraphNode } from './DeskParagraphNode';

/** Body of the HTML Word puts on the clipboard, trimmed to what the converters look at. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta charset=utf-8><style>p.MsoNormal{margin:0cm;text-indent:32.0pt}</style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->
<h1 style='mso-outline-level:1'>关于做好2024年政务信息报送工作的通知</h1>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>各镇（街道），区直各部门：</span></p>
<p class=MsoNormal style='mso-outline-level:1'><span style='font-family:黑体'>一、总体要求</span></p>
<p class=MsoNormal style='mso-outline-level:2'>（一）报送内容</p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:楷体_GB2312'>（二）报送时限。</span>每月5日前报送上月信息，
紧急信息随时报送。</p>
<p class=MsoNormal align=center style='text-align:center'>1.<span style='mso-spacerun:yes'> </span>信息质量</p>
<p class=MsoNormal>(1)数据准确<o:p></o:p></p>
<p class=MsoNormal>（1）各单位要高度重视政务信息工作，明确一名分管领导和一名信息员，建立健全信息收集、编辑、审核和报送机制，确保信息报送及时、准确、规范。</p>
<p class=MsoNormal>3.5亿元项目已开工。</p>
<p class=MsoNormal style='mso-outline-level:7'>二、保障措施</p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
 <tr><td width=200><p class=MsoNormal>单位</p></td><td width=200><p class=MsoNormal>报送篇数</p></td></tr>
 <tr><td width=200><p class=MsoNormal>区发改局</p></td><td width=200><p class=MsoNormal>12</p></td></tr>
</table>
<ol style='margin-top:0cm'><li class=MsoNormal>第一项</li><li class=MsoNormal>第二项</li></ol>
<!--EndFragment-->
</body></html>`;

function paste(html: string): Array<{ type: string; level: number | null; text: string; format: string }> {
  const editor = createHeadlessEditor({ nodes: [...DESK_NODES], onError: (error) => { throw error; } });
  editor.update(() => {
    const dom = new DOMParser().parseFromString(html, 'text/html');
    const nodes = $generateNodesFromDOM(editor, dom);
    $getRoot().clear().append(...nodes);
  }, { discrete: true });
  return editor.getEditorState().read(() => $getRoot().getChildren().map((node: LexicalNode) => ({
    type: node.getType(),
    level: $isDeskParagraphNode(node) ? node.getLevel() : null,
    text: node.getTextContent().replace(/\s+/g, ' ').trim(),
    format: $isElementNode(node) ? node.getFormatType() : '',
  })));
}

describe('paste from Word', () => {
  it('keeps structure levels from outline levels, heading tags and numbers', () => {
    const blocks = paste(WORD_HTML).filter((block) => block.type === 'desk-paragraph');
    expect(blocks.map(({ level, text }) => [level, text])).toEqual([
      [1, '关于做好2024年政务信息报送工作的通知'],
      [0, '各镇（街道），区直各部门：'],
      [1, '一、总体要求'],
      [2, '（一）报送内容'],
      [2, '（二）报送时限。每月5日前报送上月信息， 紧急信息随时报送。'],
      [3, '1. 信息质量'],
      [4, '(1)数据准确'],
      // A long numbered paragraph is body text, and a decimal is no number.
      [0, expect.stringMatching(/^（1）各单位要高度重视/)],
      [0, '3.5亿元项目已开工。'],
      // Outline levels past 4 fall back to the number.
      [1, '二、保障措施'],
    ]);
  });

  it('keeps the paragraph alignment as Lexical does', () => {
    const heading = paste(WORD_HTML).find((block) => block.text === '1. 信息质量');
    expect(heading).toMatchObject({ level: 3, format: 'center' });
  });

  it('turns a table into a TableNode and a list into a ListNode', () => {
    const editor = createHeadlessEditor({ nodes: [...DESK_NODES], onError: (error) => { throw error; } });
    editor.update(() => {
      const dom = new DOMParser().parseFromString(WORD_HTML, 'text/html');
      $getRoot().clear().append(...$generateNodesFromDOM(editor, dom));
    }, { discrete: true });
    editor.getEditorState().read(() => {
      const children = $getRoot().getChildren();
      const table = children.find($isTableNode);
      expect(table?.getTextContent()).toContain('区发改局');
      const cellParagraphs = table ? table.getAllTextNodes().map((text) => text.getParent()) : [];
      expect(cellParagraphs.every($isDeskParagraphNode)).toBe(true);
      const list = children.find($isListNode);
      expect(list?.getListType()).toBe('number');
      expect(list?.getChildrenSize()).toBe(2);
    });
  });
});
