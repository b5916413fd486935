/**
 * A structural checker of generated .docx files: reads word/document.xml, styles.xml, settings.xml and
 * the footers, resolves each paragraph's and run's effective properties (direct → style chain →
 * document defaults), and checks the values of "What a test can check" in shared/spec/gbt9704-docx.md.
 * Returns the problems found (empty when the file passes) and what it read, for further assertions.
 */
import JSZip from 'jszip';

interface XmlElement { name: string; attrs: Record<string, string>; children: XmlNode[] }
type XmlNode = XmlElement | string;

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** A small XML parser for the well-formed parts of a .docx. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const [, closing, name, attrText, selfClosing, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) top.children.push(decode(text));
    else if (name === undefined) continue;
    else if (closing) stack.pop();
    else {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
      const element: XmlElement = { name, attrs, children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  return root;
}

const kids = (e: XmlElement | undefined, name: string): XmlElement[] =>
  (e?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
const kid = (e: XmlElement | undefined, name: string): XmlElement | undefined => kids(e, name)[0];
function all(e: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    all(c, name, out);
  }
  return out;
}
function textOf(e: XmlElement): string {
  return e.children.map((c) => (typeof c === 'string' ? (e.name === 'w:t' || e.name === 'w:instrText' ? c : '') : c.name === 'w:tab' ? '\t' : textOf(c))).join('');
}
/** An on/off property (w:b, w:i): present and not val=false/0. */
function onOff(e: XmlElement | undefined): boolean | undefined {
  if (!e) return undefined;
  const v = e.attrs['w:val'];
  return !(v === 'false' || v === '0' || v === 'off');
}

export interface RunProps { eastAsia?: string; sz?: number; bold?: boolean; color?: string }
export interface ParaProps {
  style: string; jc?: string; firstLine?: number; firstLineChars?: number; line?: number; lineRule?: string;
  borders: Array<{ side: string; sz: number; color: string }>;
}
export interface CheckedRun { text: string; props: RunProps }
/** `section`: the index of the section the paragraph is in (0 for the first). */
export interface CheckedParagraph { text: string; props: ParaProps; runs: CheckedRun[]; section: number }

function mergeRun(base: RunProps, rPr: XmlElement | undefined): RunProps {
  if (!rPr) return base;
  const fonts = kid(rPr, 'w:rFonts');
  const sz = kid(rPr, 'w:sz');
  const color = kid(rPr, 'w:color');
  return {
    eastAsia: fonts?.attrs['w:eastAsia'] ?? base.eastAsia,
    sz: sz ? Number(sz.attrs['w:val']) : base.sz,
    bold: onOff(kid(rPr, 'w:b')) ?? base.bold,
    color: color?.attrs['w:val'] ?? base.color,
  };
}

function mergePara(base: ParaProps, pPr: XmlElement | undefined): ParaProps {
  if (!pPr) return base;
  const ind = kid(pPr, 'w:ind');
  const spacing = kid(pPr, 'w:spacing');
  const borders = kid(pPr, 'w:pBdr');
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  return {
    style: base.style,
    jc: kid(pPr, 'w:jc')?.attrs['w:val'] ?? base.jc,
    firstLine: ind ? num(ind.attrs['w:firstLine']) ?? (ind.attrs['w:hanging'] ? undefined : base.firstLine) : base.firstLine,
    firstLineChars: ind ? num(ind.attrs['w:firstLineChars']) ?? base.firstLineChars : base.firstLineChars,
    line: num(spacing?.attrs['w:line']) ?? base.line,
    lineRule: spacing?.attrs['w:lineRule'] ?? base.lineRule,
    borders: borders ? borders.children.filter((c): c is XmlElement => typeof c !== 'string')
      .map((b) => ({ side: b.name.slice(2), sz: Number(b.attrs['w:sz'] ?? 0), color: b.attrs['w:color'] ?? '' })) : base.borders,
  };
}

export interface DocxReading {
  paragraphs: CheckedParagraph[];
  pgSz: Record<string, string>;
  pgMar: Record<string, string>;
  docGrid: Record<string, string> | undefined;
  settings: string;
  /** The first section's footers and headers' text (later sections inherit its headers). */
  footers: SectionFooters;
  headersText: string[];
  /** Every section in order, the first one included. */
  sections: Array<{
    footers: SectionFooters; headersText: string[]; pgSz: Record<string, string>; pgMar: Record<string, string>;
    /** How the section starts (`w:type`): nextPage when the file does not say. */
    start: string;
  }>;
  customProperties: Record<string, string>;
}

export interface SectionFooters { default?: XmlElement; even?: XmlElement }

/** Reads a .docx into paragraphs with effective properties, section values, footers and custom properties. */
export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const document = parseXml(await read('word/document.xml'));
  const styles = parseXml(await read('word/styles.xml'));
  const rels = parseXml(await read('word/_rels/document.xml.rels'));
  const defaults = kid(kid(styles, 'w:styles'), 'w:docDefaults');
  const baseRun = mergeRun({}, kid(kid(defaults, 'w:rPrDefault'), 'w:rPr'));
  const basePara = mergePara({ style: 'Normal', borders: [] }, kid(kid(defaults, 'w:pPrDefault'), 'w:pPr'));
  const styleById = new Map(kids(kid(styles, 'w:styles'), 'w:style').map((s) => [s.attrs['w:styleId'], s]));
  const chain = (id: string): XmlElement[] => {
    const out: XmlElement[] = [];
    for (let s = styleById.get(id); s && out.length < 10; s = styleById.get(kid(s, 'w:basedOn')?.attrs['w:val'] ?? '')) out.unshift(s);
    return out;
  };
  let section = 0;
  const paragraphs = all(document, 'w:p').map((p): CheckedParagraph => {
    const pPr = kid(p, 'w:pPr');
    // A paragraph holding a sectPr is the last of its section.
    const inSection = section;
    if (kid(pPr, 'w:sectPr')) section += 1;
    const styleId = kid(pPr, 'w:pStyle')?.attrs['w:val'] ?? 'Normal';
    const styleChain = chain(styleId);
    let props = styleChain.reduce((acc, s) => mergePara(acc, kid(s, 'w:pPr')), basePara);
    props = { ...mergePara(props, pPr), style: styleId };
    const styleRun = styleChain.reduce((acc, s) => mergeRun(acc, kid(s, 'w:rPr')), baseRun);
    const runs = kids(p, 'w:r').map((r) => {
      // A character style applies between the paragraph style and the run's own properties.
      const charStyle = kid(kid(r, 'w:rPr'), 'w:rStyle')?.attrs['w:val'];
      const base = charStyle ? chain(charStyle).reduce((acc, s) => mergeRun(acc, kid(s, 'w:rPr')), styleRun) : styleRun;
      return { text: textOf(r), props: mergeRun(base, kid(r, 'w:rPr')) };
    });
    return { text: runs.map((r) => r.text).join(''), props, runs, section: inSection };
  });
  const target = (id: string | undefined) => kids(kid(rels, 'Relationships'), 'Relationship').find((r) => r.attrs.Id === id)?.attrs.Target;
  const sections: DocxReading['sections'] = [];
  for (const sectPr of all(document, 'w:sectPr')) {
    const footers: SectionFooters = {};
    for (const ref of kids(sectPr, 'w:footerReference')) {
      const path = target(ref.attrs['r:id']);
      if (path) footers[ref.attrs['w:type'] === 'even' ? 'even' : 'default'] = parseXml(await read(`word/${path}`));
    }
    const headersText: string[] = [];
    for (const ref of kids(sectPr, 'w:headerReference')) {
      const path = target(ref.attrs['r:id']);
      if (path) headersText.push(textOf(parseXml(await read(`word/${path}`))));
    }
    sections.push({
      footers, headersText, pgSz: kid(sectPr, 'w:pgSz')?.attrs ?? {}, pgMar: kid(sectPr, 'w:pgMar')?.attrs ?? {},
      start: kid(sectPr, 'w:type')?.attrs['w:val'] ?? 'nextPage',
    });
  }
  const sectPr = all(document, 'w:sectPr')[0];
  const custom = parseXml(await read('docProps/custom.xml'));
  const customProperties: Record<string, string> = {};
  for (const property of all(custom, 'property')) {
    const value = property.children.find((c): c is XmlElement => typeof c !== 'string');
    customProperties[property.attrs.name] = value ? textOf({ ...value, name: 'w:t' }) : '';
  }
  return {
    paragraphs,
    pgSz: kid(sectPr, 'w:pgSz')?.attrs ?? {},
    pgMar: kid(sectPr, 'w:pgMar')?.attrs ?? {},
    docGrid: kid(sectPr, 'w:docGrid')?.attrs,
    settings: await read('word/settings.xml'),
    footers: sections[0]?.footers ?? {},
    headersText: sections[0]?.headersText ?? [],
    sections,
    customProperties,
  };
}

export const ALLOWED_EAST_ASIA = new Set(['仿宋_GB2312', '仿宋', 'FangSong', '黑体', 'SimHei', '楷体_GB2312', '楷体', 'KaiTi', '宋体', 'SimSun', '方正小标宋简体', '方正小标宋_GBK', '华文中宋', 'STZhongsong']);
const HEAVY = new Set(['黑体', 'SimHei', '楷体_GB2312', '楷体', 'KaiTi', '方正小标宋简体', '方正小标宋_GBK']);
const BODY_STYLES = new Set(['Normal', 'GwBody', 'Heading1', 'Heading2', 'Heading3', 'Heading4']);
const NUMBER_RULE = /〔\d{4}〕[1-9]\d*号/;
const DATE_RULE = /\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日/;

function near(actual: string | undefined, expected: number, tolerance: number): boolean {
  return actual !== undefined && Math.abs(Number(actual) - expected) <= tolerance;
}

/** The footer's page-number paragraph: a PAGE field between U+2014 dashes at sz 28, and its alignment. */
function checkFooter(footer: XmlElement | undefined, which: string, jc: string, problems: string[]): void {
  if (!footer) {
    problems.push(`no ${which} footer`);
    return;
  }
  const p = all(footer, 'w:p').find((para) => /PAGE/.test(all(para, 'w:instrText').map(textOf).join('')));
  if (!p) {
    problems.push(`${which} footer has no PAGE field`);
    return;
  }
  const text = textOf(p).replace(/PAGE/, '#');
  if (!/^\u2014\s*#?\s*\u2014$/.test(text.replace(/[^\u2014#\s]/g, '').trim()) || !text.startsWith('\u2014')) problems.push(`${which} footer reads "${text}", not — n —`);
  const sizes = all(p, 'w:sz').map((s) => Number(s.attrs['w:val']));
  if (sizes.length === 0 || sizes.some((s) => s !== 28)) problems.push(`${which} footer size ${sizes.join(',')} is not 28`);
  const actualJc = kid(kid(p, 'w:pPr'), 'w:jc')?.attrs['w:val'];
  if (actualJc !== jc) problems.push(`${which} footer aligned ${actualJc}, not ${jc}`);
}

export interface CheckOptions { layout: 'official' | 'info' | 'manuscript' }

/** Checks a generated file against the spec's list; returns the problems (empty: it passes). */
export async function checkDocx(bytes: Uint8Array, { layout }: CheckOptions): Promise<{ problems: string[]; reading: DocxReading }> {
  const reading = await readDocx(bytes);
  const problems: string[] = [];
  const { pgSz, pgMar, paragraphs } = reading;
  // 1. Page size and margins.
  if (pgSz['w:w'] !== '11906' || pgSz['w:h'] !== '16838') problems.push(`pgSz ${pgSz['w:w']}×${pgSz['w:h']}`);
  for (const [side, value] of [['top', 2098], ['left', 1588], ['right', 1474], ['bottom', 1984]] as const) {
    if (!near(pgMar[`w:${side}`], value, 57)) problems.push(`pgMar ${side} ${pgMar[`w:${side}`]} is not ${value} ± 57`);
  }
  // 2. Exact line pitch ≤ 579 for the body, and a document grid.
  const body = paragraphs.filter((p) => BODY_STYLES.has(p.props.style) && p.text.trim() !== '');
  if (body.length === 0) problems.push('no body paragraphs');
  for (const p of body) {
    if (!(p.props.lineRule === 'exact' && (p.props.line ?? 0) <= 579 && (p.props.line ?? 0) >= 560)) {
      problems.push(`body line ${p.props.line} ${p.props.lineRule}: "${p.text.slice(0, 12)}"`);
    }
    // 5. Two-character first-line indent.
    if (p.props.firstLine !== 640 && p.props.firstLineChars !== 200) problems.push(`body firstLine ${p.props.firstLine}: "${p.text.slice(0, 12)}"`);
  }
  if (!reading.docGrid || !reading.docGrid['w:linePitch']) problems.push('no docGrid with a linePitch');
  // 3 and 4. Fonts, sizes, weights and colours of every run.
  const masthead = paragraphs.filter((p) => p.runs.some((r) => r.props.color === 'FF0000'));
  for (const p of paragraphs) {
    for (const run of p.runs) {
      if (run.text.trim() === '') continue;
      const where = `"${run.text.slice(0, 12)}"`;
      if (!run.props.eastAsia || !ALLOWED_EAST_ASIA.has(run.props.eastAsia)) problems.push(`font ${run.props.eastAsia} on ${where}`);
      if (run.props.bold && HEAVY.has(run.props.eastAsia ?? '')) problems.push(`bold ${run.props.eastAsia} on ${where}`);
      const red = run.props.color === 'FF0000';
      if (!red && run.props.color !== undefined && run.props.color !== '000000' && run.props.color !== 'auto') problems.push(`colour ${run.props.color} on ${where}`);
      if (red && !masthead.includes(p)) problems.push(`red text outside the masthead: ${where}`);
      const expected = p.props.style === 'GwTitle' ? 44 : BODY_STYLES.has(p.props.style) ? 32 : p.props.style === 'GwSmall' ? 28 : null;
      if (expected !== null && run.props.sz !== expected) problems.push(`size ${run.props.sz} (not ${expected}) on ${where}`);
    }
  }
  const title = paragraphs.find((p) => p.props.style === 'GwTitle');
  if (!title) problems.push('no title');
  else if (title.props.jc !== 'center') problems.push(`title aligned ${title.props.jc}`);
  if (layout !== 'manuscript') {
    if (masthead.length === 0 || !masthead[0].runs.some((r) => r.props.color === 'FF0000' && /小标宋/.test(r.props.eastAsia ?? ''))) {
      problems.push('no red 小标宋 masthead');
    }
    const redRule = paragraphs.some((p) => p.props.borders.some((b) => b.color === 'FF0000' && b.sz > 0));
    if (!redRule) problems.push('no red rule');
  }
  for (const p of paragraphs) {
    for (const b of p.props.borders) if (b.color !== 'FF0000' && b.color !== '000000' && b.color !== 'auto') problems.push(`border colour ${b.color}`);
  }
  // 6. Even and odd page numbers.
  if (!/<w:evenAndOddHeaders\s*\/>/.test(reading.settings)) problems.push('settings.xml lacks w:evenAndOddHeaders');
  checkFooter(reading.footers.default, 'default (odd)', 'right', problems);
  checkFooter(reading.footers.even, 'even', 'left', problems);
  // A later section holds only the end block, with footers of its own: either it starts on an even
  // page right after the body's last, odd page and is numbered in sequence, or it starts on an odd page
  // with a blank page before the end block, and neither page is numbered (GB/T 9704 7.5). The office
  // suite inserts an empty page to reach the section's side, so the end block's page is even.
  reading.sections.slice(1).forEach((later, i) => {
    const which = `section ${i + 2}`;
    if (!later.footers.default || !later.footers.even) problems.push(`${which} has no footers of its own`);
    const numbered = [later.footers.default, later.footers.even].some((f) => f && /PAGE/.test(all(f, 'w:instrText').map(textOf).join('')));
    if (later.start === 'evenPage') {
      if (numbered) {
        checkFooter(later.footers.default, `${which} default (odd)`, 'right', problems);
        checkFooter(later.footers.even, `${which} even`, 'left', problems);
      } else {
        problems.push(`${which} starts on an even page right after the body but has no page numbers`);
      }
    } else if (later.start === 'oddPage') {
      if (numbered) problems.push(`${which} footer has a page number`);
    } else {
      problems.push(`${which} starts on the next page (${later.start}), not on an even or odd one`);
    }
    if (JSON.stringify(later.pgSz) !== JSON.stringify(pgSz) || JSON.stringify(later.pgMar) !== JSON.stringify(pgMar)) problems.push(`${which} page differs`);
    const texts = paragraphs.filter((p) => p.section === i + 1 && p.text.trim() !== '');
    if (layout === 'manuscript' || texts.length === 0 || texts.some((p) => p.props.style !== 'GwSmall')) {
      problems.push(`${which} holds more than the end block: ${texts.map((p) => p.text.slice(0, 8)).join(' / ')}`);
    }
  });
  // 7. The ruled end block: 0.35 mm, 0.25 mm between, 0.35 mm.
  const endBlock = paragraphs.filter((p) => p.props.style === 'GwSmall' && p.text.trim() !== '');
  if (layout !== 'manuscript') {
    const rules = endBlock.flatMap((p) => p.props.borders.filter((b) => b.sz > 0).map((b) => b.sz));
    if (rules.length < 2 || rules[0] !== 8 || rules.at(-1) !== 8 || rules.slice(1, -1).some((s) => s !== 6)) {
      problems.push(`end block rules ${rules.join('/')}, not 8 / 6 … / 8`);
    }
  }
  // 8. Text rules.
  const texts = paragraphs.map((p) => p.text.trim());
  if (layout === 'official') {
    const number = texts.find((t) => /〔/.test(t));
    if (!number || !NUMBER_RULE.test(number)) problems.push(`发文字号 "${number}"`);
    const copies = endBlock.find((p) => p.text.startsWith('抄送'));
    if (copies && !copies.text.trim().endsWith('。')) problems.push('抄送 does not end with 。');
    const issued = endBlock.find((p) => /印发$/.test(p.text.trim()));
    if (!issued) problems.push('no 印发 line ending with 印发');
    else if (!DATE_RULE.test(issued.text)) problems.push(`印发 date in "${issued.text}"`);
  }
  for (const t of texts) {
    for (const date of t.match(/\d{4}年\d{1,2}月\d{1,2}日/g) ?? []) if (!DATE_RULE.test(date) || /年0|月0/.test(date)) problems.push(`date ${date}`);
  }
  return { problems, reading };
}
