/**
 * Reads the HTML that mammoth makes of a .docx (p, h1–h6, strong, em, u, s, sub, sup, br, a, ul/ol/li,
 * table/tr/td) into seed blocks for a new body: paragraphs with structure levels (Word's Heading 1–4,
 * or a number 一、（一）1.（1） at the start of a short paragraph), formatted runs, lists and tables.
 * A small parser for that small, well-formed HTML: no DOM needed, so it runs on the server.
 */
import type { BodySeedBlock, SeedTextRun } from '../../editor/headless';
import { parseLevelNumber, splitRunIn } from '../../structure/levels';
import { FORMAT } from '../../body/bodyModel';
import { withoutRevisionMarks } from './wordRevisions';

interface HtmlElement { tag: string; children: HtmlNode[] }
type HtmlNode = HtmlElement | string;

const VOID = new Set(['br', 'img', 'hr', 'col', 'wbr']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Parses HTML into a tree; unclosed elements close at their parent's end, stray end tags are dropped. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', children: [] };
  const stack: HtmlElement[] = [root];
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)|</g;
  for (let match = token.exec(html); match; match = token.exec(html)) {
    const [whole, closing, rawTag, attributes, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined) top.children.push(decode(text));
    else if (whole === '<') top.children.push('<');
    else if (rawTag !== undefined) {
      const tag = rawTag.toLowerCase();
      if (closing) {
        const at = stack.map((e) => e.tag).lastIndexOf(tag);
        if (at > 0) stack.length = at;
      } else {
        const element: HtmlElement = { tag, children: [] };
        top.children.push(element);
        if (!VOID.has(tag) && !attributes.trimEnd().endsWith('/')) stack.push(element);
      }
    }
  }
  return root;
}

const INLINE_FORMAT: Record<string, number> = {
  strong: FORMAT.bold, b: FORMAT.bold, em: FORMAT.italic, i: FORMAT.italic, u: FORMAT.underline,
  s: FORMAT.strikethrough, del: FORMAT.strikethrough, sub: FORMAT.subscript, sup: FORMAT.superscript,
};
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'li', 'div', 'blockquote']);

function inlineRuns(nodes: readonly HtmlNode[], format = 0, out: SeedTextRun[] = []): SeedTextRun[] {
  for (const node of nodes) {
    if (typeof node === 'string') {
      const last = out.at(-1);
      if (last && (last.format ?? 0) === format) last.text += node;
      else out.push({ text: node, format });
    } else if (node.tag === 'br') {
      inlineRuns(['\n'], format, out);
    } else if (!BLOCK.has(node.tag)) {
      inlineRuns(node.children, format | (INLINE_FORMAT[node.tag] ?? 0), out);
    }
  }
  return out;
}

function runsText(runs: readonly SeedTextRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** The longest heading (after its number) that a numbered paragraph may have to count as one. */
const MAX_HEADING_CHARS = 40;

/**
 * The structure level a paragraph's text shows: 一、 always level 1; （一） 1. （1） their level when the
 * heading (standing alone, or the first sentence of a run-in one) is at most 40 characters.
 */
export function levelOfText(text: string): 0 | 1 | 2 | 3 | 4 {
  // A Word revision's marks (wordRevisions.ts) are not part of the number.
  const trimmed = withoutRevisionMarks(text).trim();
  const found = parseLevelNumber(trimmed);
  if (!found) return 0;
  if (found.level === 1) return 1;
  const { heading, body } = splitRunIn(trimmed);
  const length = (body === '' ? trimmed.length : heading.length) - found.length;
  return length <= MAX_HEADING_CHARS ? found.level : 0;
}

function trimRuns(runs: SeedTextRun[]): SeedTextRun[] {
  const out = runs.map((r) => ({ ...r }));
  if (out.length > 0) out[0].text = out[0].text.replace(/^[\s\u3000]+/, '');
  if (out.length > 0) out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/, '');
  return out.filter((r) => r.text !== '');
}

function listItems(list: HtmlElement, depth: number): Array<{ depth: number; runs: SeedTextRun[] }> {
  return list.children.flatMap((item) => {
    if (typeof item === 'string' || item.tag !== 'li') return [];
    const own = { depth, runs: trimRuns(inlineRuns(item.children)) };
    const nested = item.children.flatMap((child) =>
      typeof child !== 'string' && (child.tag === 'ul' || child.tag === 'ol') ? listItems(child, depth + 1) : []);
    return [own, ...nested];
  });
}

function elements(node: HtmlElement, tags: readonly string[]): HtmlElement[] {
  return node.children.flatMap((child) => {
    if (typeof child === 'string') return [];
    if (tags.includes(child.tag)) return [child];
    // thead, tbody and tfoot only group rows.
    return ['thead', 'tbody', 'tfoot'].includes(child.tag) ? elements(child, tags) : [];
  });
}

function tableRows(table: HtmlElement): SeedTextRun[][][][] {
  return elements(table, ['tr']).map((row) => elements(row, ['td', 'th']).map((cell) => {
    const paragraphs = cell.children.filter((c): c is HtmlElement => typeof c !== 'string' && BLOCK.has(c.tag));
    const runs = paragraphs.length > 0 ? paragraphs.map((p) => trimRuns(inlineRuns(p.children))) : [trimRuns(inlineRuns(cell.children))];
    return runs.length > 0 ? runs : [[]];
  }));
}

/** Seed blocks from mammoth's HTML; empty paragraphs are left out. */
export function blocksFromHtml(html: string): BodySeedBlock[] {
  const blocks: BodySeedBlock[] = [];
  const visit = (node: HtmlElement): void => {
    for (const child of node.children) {
      if (typeof child === 'string') {
        if (child.trim() !== '') blocks.push(paragraph([{ text: child.trim(), format: 0 }], 0));
        continue;
      }
      const heading = /^h([1-6])$/.exec(child.tag);
      if (child.tag === 'p' || heading) {
        const runs = trimRuns(inlineRuns(child.children));
        const text = runsText(runs);
        if (text.trim() === '') continue;
        const level = heading ? (Number(heading[1]) <= 4 ? Number(heading[1]) : 0) : levelOfText(text);
        blocks.push(paragraph(runs, level));
      } else if (child.tag === 'ul' || child.tag === 'ol') {
        blocks.push({ type: 'list', ordered: child.tag === 'ol', items: listItems(child, 0) });
      } else if (child.tag === 'table') {
        blocks.push({ type: 'table', rows: tableRows(child) });
      } else {
        visit(child);
      }
    }
  };
  visit(parseHtml(html));
  return blocks;
}

function paragraph(runs: SeedTextRun[], level: number): BodySeedBlock {
  const plain = runs.every((r) => (r.format ?? 0) === 0);
  return { type: 'paragraph', ...(level > 0 && { level }), text: runsText(runs), ...(!plain && { runs }) };
}
