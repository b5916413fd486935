/**
 * Body paragraphs and tables written as WordprocessingML text directly, and spliced into the package
 * the docx library builds.
 *
 * Also written here: the paragraphs that must not snap to the document's line grid (the masthead and
 * the title, whose type is taller than a grid line), because docx cannot say so. LibreOffice sets
 * such a line on two grid lines unless told not to, which moved the body's end by up to two lines
 * against Word's layout and the exporter's page estimate.
 *
 * Why not docx's object model for these too: the body is nearly all of a long document, and docx
 * makes several objects per element (a paragraph, its properties, each property, each run, its
 * properties, its text), then a plain-object tree of them, then the XML. For a 100-page report that
 * was two thirds of the export time. The elements written here are few and fixed: paragraphs with a
 * style, keep-with-next, exact line spacing and alignment; runs with a character style, fonts, size,
 * colour, character scale, bold, italic, underline, strikethrough, sub- and superscript, tabs and line
 * breaks; tables with a grid, borders and cell margins. A differential test (`wordXml.test.ts`) checks that each is exactly what docx writes for
 * the same options, so docx stays the reference. Everything else — styles, numbering (lists), page
 * furniture, frames, settings, properties, packing — remains docx's.
 *
 * Splicing: each run of consecutive fragments becomes one placeholder paragraph in the docx document
 * (a nonce and an index as its text); after docx packs it, the placeholders in `word/document.xml`
 * are replaced with the fragments, and the package is zipped again with fflate, the zip library
 * docx itself uses (its `zipSync` with the same defaults).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Packer, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { FORMAT, type TextRunModel } from '../body/bodyModel';
import { sameRunSuggestion } from '../suggestions/bodyView';
import { hasRevisions, numberRevisions, revisionAttributes } from './revisions';
import { LATIN_FONT } from './gbt9704';

/** A body element already written as XML. */
export class WordXml {
  constructor(readonly xml: string) {}
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text escaped for XML content, with the control characters XML 1.0 forbids dropped (as docx does). */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => ESCAPES[ch] ?? '');
}

/**
 * How a paragraph's runs differ from its style: a character style, bold left to the font, an East
 * Asian font (Latin text in Times New Roman), a size in half-points, a colour, a character scale (%).
 */
export interface RunXmlStyle { charStyle?: string; noBold?: boolean; font?: string; size?: number; color?: string; scale?: number }

const NO_RUN_STYLE: RunXmlStyle = {};

function runProperties(format: number, style: RunXmlStyle): string {
  let xml = '';
  if (style.charStyle !== undefined) xml += `<w:rStyle w:val="${style.charStyle}"/>`;
  if (style.font !== undefined) {
    xml += `<w:rFonts w:ascii="${LATIN_FONT}" w:cs="${LATIN_FONT}" w:eastAsia="${escapeXml(style.font)}" w:hAnsi="${LATIN_FONT}"/>`;
  }
  if ((format & FORMAT.bold) !== 0 && !style.noBold) xml += '<w:b/><w:bCs/>';
  if ((format & FORMAT.italic) !== 0) xml += '<w:i/><w:iCs/>';
  if ((format & FORMAT.strikethrough) !== 0) xml += '<w:strike/>';
  if (style.color !== undefined) xml += `<w:color w:val="${style.color}"/>`;
  if (style.scale !== undefined) xml += `<w:w w:val="${style.scale}"/>`;
  if (style.size !== undefined) xml += `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>`;
  if ((format & FORMAT.underline) !== 0) xml += '<w:u w:val="single"/>';
  // Lexical never sets both; one vertAlign is all Word allows.
  if ((format & FORMAT.superscript) !== 0) xml += '<w:vertAlign w:val="superscript"/>';
  else if ((format & FORMAT.subscript) !== 0) xml += '<w:vertAlign w:val="subscript"/>';
  return xml === '' ? '' : `<w:rPr>${xml}</w:rPr>`;
}

/** A line's text, its tabs as Word tabs; deleted text (a revision) in `w:delText`. */
function lineXml(line: string, deleted = false): string {
  const tag = deleted ? 'w:delText' : 'w:t';
  if (!line.includes('\t')) return `<${tag} xml:space="preserve">${escapeXml(line)}</${tag}>`;
  return line.split('\t').map((part) => `<${tag} xml:space="preserve">${escapeXml(part)}</${tag}>`).join('<w:tab/>');
}

function runXml(run: TextRunModel, style: RunXmlStyle): string {
  const properties = runProperties(run.format, style);
  const deleted = run.suggestion?.kind === 'delete';
  if (!run.text.includes('\n')) return `<w:r>${properties}${lineXml(run.text, deleted)}</w:r>`;
  return run.text.split('\n').map((line, i) => `<w:r>${properties}${i > 0 ? '<w:br/>' : ''}${lineXml(line, deleted)}</w:r>`).join('');
}

/**
 * Word runs for text runs; a line break starts a new run with `<w:br/>`. Runs of a suggestion (the
 * body's marked view) are one Word revision: `w:ins`, or `w:del` with the text in `w:delText`.
 */
export function runsXml(runs: readonly TextRunModel[], style: RunXmlStyle = NO_RUN_STYLE): string {
  let xml = '';
  for (let i = 0; i < runs.length; i += 1) {
    const suggestion = runs[i].suggestion;
    if (!suggestion) {
      xml += runXml(runs[i], style);
      continue;
    }
    const tag = suggestion.kind === 'insert' ? 'w:ins' : 'w:del';
    xml += `<${tag}${revisionAttributes(suggestion)}>${runXml(runs[i], style)}`;
    while (i + 1 < runs.length && sameRunSuggestion(runs[i + 1].suggestion, suggestion)) xml += runXml(runs[++i], style);
    xml += `</${tag}>`;
  }
  return xml;
}

export type ParagraphAlign = 'left' | 'center' | 'right' | 'both';

export interface ParagraphXmlOptions {
  style?: string;
  keepNext?: boolean;
  /** False: the paragraph's lines keep their own height instead of snapping to the document's line grid. */
  snapToGrid?: boolean;
  /** Exact line spacing (twips), and space before the paragraph. */
  spacing?: { before?: number; line: number };
  align?: ParagraphAlign;
  /** The paragraph mark's run properties (`<w:rPr>…</w:rPr>`: a revision of the mark). */
  markXml?: string;
  /** A `<w:pPrChange>`: the paragraph's former properties (a suggested level change). */
  changeXml?: string;
}

/** The inside of a paragraph's `w:pPr`, in the order the schema gives them ('' for none). */
export function paragraphPropertiesXml(options: ParagraphXmlOptions): string {
  let properties = '';
  if (options.style !== undefined) properties += `<w:pStyle w:val="${options.style}"/>`;
  if (options.keepNext) properties += '<w:keepNext/>';
  if (options.snapToGrid === false) properties += '<w:snapToGrid w:val="0"/>';
  if (options.spacing) {
    const before = options.spacing.before === undefined ? '' : ` w:before="${options.spacing.before}"`;
    properties += `<w:spacing${before} w:line="${options.spacing.line}" w:lineRule="exact"/>`;
  }
  if (options.align !== undefined) properties += `<w:jc w:val="${options.align}"/>`;
  if (options.markXml !== undefined) properties += options.markXml;
  if (options.changeXml !== undefined) properties += options.changeXml;
  return properties;
}

/** A paragraph with its runs' XML; properties in the order the schema gives them. */
export function paragraphXml(options: ParagraphXmlOptions, runs: string): string {
  const properties = paragraphPropertiesXml(options);
  if (properties === '' && runs === '') return '<w:p/>';
  return `<w:p>${properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`}${runs}</w:p>`;
}

export interface TableXmlOptions {
  /** Twips; the column widths add up to it. */
  width: number;
  columnWidths: readonly number[];
  /** Twips, all four sides of every cell. */
  cellMargin: number;
  /** A single black line of this size (eighths of a point) on every edge. */
  borderSize: number;
  /** Rows that never break across pages. */
  cantSplit: boolean;
}

/** A table: each cell's paragraphs already written (`paragraphXml`), one string per cell. */
export function tableXml(options: TableXmlOptions, rows: ReadonlyArray<readonly string[]>): string {
  const border = (side: string) => `<w:${side} w:val="single" w:color="000000" w:sz="${options.borderSize}"/>`;
  const margin = (side: string) => `<w:${side} w:type="dxa" w:w="${options.cellMargin}"/>`;
  let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${options.width}"/>`
    + `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`
    + `<w:tblCellMar>${['top', 'left', 'bottom', 'right'].map(margin).join('')}</w:tblCellMar></w:tblPr>`
    + `<w:tblGrid>${options.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const cellStart = options.columnWidths.map((w) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${w}"/></w:tcPr>`);
  const rowStart = options.cantSplit ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>' : '<w:tr>';
  for (const row of rows) {
    xml += rowStart;
    row.forEach((cell, i) => { xml += `${cellStart[i]}${cell === '' ? '<w:p/>' : cell}</w:tc>`; });
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

/**
 * An element with a section's properties (`<w:sectPr>…</w:sectPr>`) added as docx adds them to the
 * last paragraph of a section that is not the document's last: in the paragraph's properties, last;
 * after a table, in an empty paragraph of their own.
 */
export function withSectionProperties(element: string, sectionProperties: string): string {
  if (element === '<w:p/>') return `<w:p><w:pPr>${sectionProperties}</w:pPr></w:p>`;
  if (element.startsWith('<w:p><w:pPr>')) {
    // The properties come before a revision's former properties (pPrChange), which end the pPr.
    const change = element.indexOf('<w:pPrChange');
    const end = change >= 0 ? change : element.indexOf('</w:pPr>');
    return `${element.slice(0, end)}${sectionProperties}${element.slice(end)}`;
  }
  if (element.startsWith('<w:p>')) return `<w:p><w:pPr>${sectionProperties}</w:pPr>${element.slice('<w:p>'.length)}`;
  return `${element}<w:p><w:pPr>${sectionProperties}</w:pPr></w:p>`;
}

/** Document children with each run of consecutive WordXml fragments as one placeholder paragraph. */
export class FragmentSplicer {
  private readonly nonce = `wengao-fragment-${globalThis.crypto.randomUUID()}-`;
  /** Each placeholder's elements, one string each. */
  private readonly fragments: string[][] = [];

  /** The children docx gets: its own objects as they are, fragments behind placeholders. */
  children(mixed: ReadonlyArray<FileChild | WordXml>): FileChild[] {
    const out: FileChild[] = [];
    let pending: string[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      out.push(new Paragraph({ children: [new TextRun(`${this.nonce}${this.fragments.length}`)] }));
      this.fragments.push(pending);
      pending = [];
    };
    for (const child of mixed) {
      if (child instanceof WordXml) pending.push(child.xml);
      else {
        flush();
        out.push(child);
      }
    }
    flush();
    return out;
  }

  /**
   * Replaces the placeholders of the packed document with their fragments. A placeholder that ends a
   * section (not the last) holds that section's properties, which go to the fragment's last element.
   */
  splice(documentXml: string): string {
    // The properties cannot reach past their own end: `(?!</w:sectPr>)` before every character.
    const placeholder = new RegExp(`<w:p>(?:<w:pPr>(<w:sectPr>(?:(?!</w:sectPr>)[\\s\\S])*</w:sectPr>)</w:pPr>)?<w:r><w:t xml:space="preserve">${this.nonce}(\\d+)</w:t></w:r></w:p>`, 'g');
    let found = 0;
    const spliced = documentXml.replace(placeholder, (_match, sectionProperties: string | undefined, index: string) => {
      found += 1;
      const elements = this.fragments[Number(index)];
      if (sectionProperties === undefined) return elements.join('');
      return elements.slice(0, -1).join('') + withSectionProperties(elements[elements.length - 1], sectionProperties);
    });
    if (found !== this.fragments.length) {
      throw new Error(`docx export: found ${found} of ${this.fragments.length} body placeholders`);
    }
    return spliced;
  }

  /** Packs the document with docx, then puts the fragments in. */
  async pack(document: Document): Promise<Uint8Array> {
    const packed = await Packer.pack(document, 'uint8array');
    if (this.fragments.length === 0) return packed;
    const files = unzipSync(packed);
    const spliced = this.splice(strFromU8(files['word/document.xml']));
    files['word/document.xml'] = strToU8(hasRevisions(spliced) ? numberRevisions(spliced) : spliced);
    return zipSync(files);
  }
}
