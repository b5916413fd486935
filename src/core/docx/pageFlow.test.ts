import { Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { endPlacement } from './endBlock';
import { LINE_PITCH } from './gbt9704';
import { lineCount, PageFlow } from './pageFlow';

const cjk = (n: number) => '政'.repeat(n);
const lines = (n: number) => n * LINE_PITCH;
/** A flow with `n` one-line paragraphs. */
function flowOf(n: number): PageFlow {
  const flow = new PageFlow();
  for (let i = 0; i < n; i += 1) flow.add(new Paragraph({}), LINE_PITCH);
  return flow;
}

describe('line count', () => {
  it('lets one closing mark hang past the line, as Word and LibreOffice do', () => {
    expect(lineCount(`${cjk(26)}。`, 28, 2)).toBe(1);
    expect(lineCount(`${cjk(27)}。`, 28, 2)).toBe(2);
    // Two closing marks cannot both hang: the character before them goes down with them.
    expect(lineCount(`${cjk(25)}”。`, 28, 2)).toBe(1);
    expect(lineCount(`${cjk(26)}”。`, 28, 2)).toBe(2);
  });

  it('never ends a line on an opening mark and keeps numbers whole', () => {
    expect(lineCount(`${cjk(27)}（${cjk(27)}`, 28)).toBe(2);
    expect(lineCount(`${cjk(27)}（${cjk(28)}`, 28)).toBe(3);
    // 27 + 2 + 27 characters fit two lines by width, but 1234 does not break: three lines.
    expect(lineCount(`${cjk(27)}1234${cjk(27)}`, 28)).toBe(3);
    expect(lineCount('a\nb', 28)).toBe(2);
  });
});

describe('page flow', () => {
  it('fills a page to its last whole line', () => {
    const flow = flowOf(21);
    flow.add(new Paragraph({}), lines(3));
    expect(flow.currentPage).toBe(2);
    expect(flow.remaining).toBe(flowOf(2).remaining);
  });

  it('moves a heading kept with the next paragraph to the next page with that paragraph', () => {
    const flow = flowOf(21);
    flow.add(new Paragraph({}), LINE_PITCH, false, true);
    flow.add(new Paragraph({}), lines(3));
    expect(flow.currentPage).toBe(2);
    expect(flow.remaining).toBe(flowOf(4).remaining);
  });

  it('tells where the content ends, a forced page break included', () => {
    expect(flowOf(21).ending).toEqual({ page: 1, used: lines(21) });
    const forced = flowOf(30);
    forced.add(new Paragraph({}), LINE_PITCH, true);
    expect(forced.ending).toEqual({ page: 3, used: lines(1) });
  });
});

describe('end block placement', () => {
  const block = lines(2) + 120;
  const at = (page: number, line: number) => ({ page, used: lines(line) });

  it('puts the 版记 on the body’s even page when it leaves the block room and a line to spare', () => {
    expect(endPlacement(at(4, 10), block)).toBe('samePage');
    expect(endPlacement(at(4, 18), block)).toBe('samePage');
    expect(endPlacement(at(4, 19), block)).toBe('afterBlankPage');
    expect(endPlacement(at(4, 0.5), block)).toBe('afterBlankPage');
  });

  it('starts an even page after a body that ends on an odd page', () => {
    expect(endPlacement(at(3, 5), block)).toBe('nextEvenPage');
    expect(endPlacement(at(3, 20), block)).toBe('nextEvenPage');
  });
});
