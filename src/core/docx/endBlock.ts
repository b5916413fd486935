/**
 * The ruled block at the foot of the last page: the 版记 of a 公文 (抄送, 印发机关 and 印发日期) and the
 * 报/送/发 tail of a 政务信息 bulletin. Its lines are paragraphs in one frame aligned to the bottom of
 * the type area (Word and LibreOffice both place frames so; LibreOffice 7.4 ignores a floating
 * table's position), ruled full width: first and last rules 0.35 mm, the ones between 0.25 mm.
 */
import {
  BorderStyle, FrameAnchorType, FrameWrap, LineRuleType, Paragraph, SectionType, TabStopType,
  type IBordersOptions,
} from 'docx';
import { BLACK, CHAR_SMALL, LINE_PITCH, RULE, TYPE_AREA } from './gbt9704';
import { plainRun } from './bodyContent';
import { lineCount, type PageFlow } from './pageFlow';
import { STYLE } from './styles';

/** One line of the block: text at the left, optionally text at the right (a date, 共印X份). */
export interface EndRow { left: string; right?: string; ruleBelow?: boolean }

const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: BLACK, space: 1 });
/** Characters of 四号 on a line between the one-character indents. */
const PER_LINE = Math.floor(TYPE_AREA.width / CHAR_SMALL) - 2;

function rowBorders(index: number, rows: readonly EndRow[]): IBordersOptions {
  const last = index === rows.length - 1;
  return {
    ...(index === 0 && { top: rule(RULE.outer) }),
    ...(last ? { bottom: rule(RULE.outer) } : rows[index].ruleBelow !== false && { bottom: rule(RULE.inner) }),
  };
}

/** Twips a rule adds to its line: the rule's width and its 1 pt distance from the text. */
const RULE_HEIGHT = 40;

/**
 * Room a 版记 on the body's own page keeps from that page's top and from the body, beyond PageFlow's
 * estimate: line breaks it does not foresee must not move the body's end to another page.
 */
export const END_MARGIN = LINE_PITCH;

/**
 * Where the 版记 goes:
 * - `samePage`: at the foot of the even page the body ends on, which has room for it;
 * - `nextEvenPage`: the body ends on an odd page; the 版记 starts a section on the next even page,
 *   numbered in sequence;
 * - `afterBlankPage`: a section on the next odd page holds a blank page and then the 版记, neither
 *   numbered (GB/T 9704 7.5).
 */
export type EndPlacement = 'samePage' | 'nextEvenPage' | 'afterBlankPage';

/**
 * The placement for a body that ends where `ending` says (page and twips used on it) and a block
 * `height` twips tall; `samePage` only with `margin` clear of the page's top and of the block, else a
 * blank page goes before the 版记. Should the real body end elsewhere than estimated, the sections
 * still start on the page side they name (the office suite inserts an empty page, without header or
 * footer, to reach it), so the 版记 stays on an even page; a `samePage` 版记 would move with the
 * body's end, which END_MARGIN guards against.
 */
export function endPlacement(ending: { page: number; used: number }, height: number, margin = END_MARGIN): EndPlacement {
  if (ending.page % 2 === 1) return 'nextEvenPage';
  const fits = ending.used >= margin && TYPE_AREA.height - ending.used >= height + margin;
  return fits ? 'samePage' : 'afterBlankPage';
}

/**
 * Adds the block so that it lands at the bottom of the last page, which is an even page when
 * `evenPage` (GB/T 9704: the 版记 is on the last even page; see endPlacement). Each line is its own
 * frame at its own distance from the type area's top, the framed paragraphs back to back and
 * followed by one hairline paragraph that anchors them all: so the lines move to another page only
 * together. (Frames anchored one by one, a hairline after each, let LibreOffice push the later
 * anchors past the earlier frames onto the next page; consecutive framed paragraphs at the same
 * position make no frame at all there.)
 */
export function addEndBlock(flow: PageFlow, rows: readonly EndRow[], evenPage: boolean): void {
  if (rows.length === 0) return;
  const heights = rows.map((row, i) => lineCount(row.left + (row.right ?? ''), PER_LINE) * LINE_PITCH
    + (i === 0 ? 2 : 1) * RULE_HEIGHT);
  const total = heights.reduce((sum, h) => sum + h, 0);
  if (!evenPage) {
    // The estimate may be off by a line or two: leave the block a margin rather than split it.
    if (flow.remaining < total + 3 * LINE_PITCH) pageBreak(flow);
  } else {
    const placement = endPlacement(flow.ending, total);
    if (placement === 'nextEvenPage') flow.startEndSection(SectionType.EVEN_PAGE, true);
    if (placement === 'afterBlankPage') {
      flow.startEndSection(SectionType.ODD_PAGE, false);
      flow.add(new Paragraph({ style: STYLE.plain }), LINE_PITCH);
      pageBreak(flow);
    }
  }
  let y = TYPE_AREA.height - total;
  rows.forEach((row, i) => {
    flow.add(new Paragraph({
      style: STYLE.small,
      frame: {
        type: 'absolute',
        position: { x: 0, y },
        anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
        width: TYPE_AREA.width,
        wrap: FrameWrap.AROUND,
      },
      border: rowBorders(i, rows),
      // The rows and their anchor stay on one page, where the frames are drawn.
      keepNext: true,
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width - CHAR_SMALL }],
      children: [plainRun(row.right === undefined ? row.left : `${row.left}\t${row.right}`)],
    }), i === 0 ? total : 0);
    y += heights[i];
  });
  flow.add(hairline(), 0);
}

/** An empty paragraph 1 pt tall: it ends the frames and anchors them without taking a line. */
function hairline(): Paragraph {
  return new Paragraph({ style: STYLE.plain, spacing: { line: 20, lineRule: LineRuleType.EXACT } });
}

function pageBreak(flow: PageFlow): void {
  flow.breakPage();
  flow.add(new Paragraph({ style: STYLE.plain, pageBreakBefore: true }), LINE_PITCH);
}
