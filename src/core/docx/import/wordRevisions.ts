/**
 * A Word file's revisions (修订) read into pending suggestions. mammoth, which reads the rest of the
 * file, shows inserted text and drops deleted text; so before it reads word/document.xml the
 * revisions there are turned into marks it keeps: each `w:ins` / `w:del` (and `w:moveTo` /
 * `w:moveFrom`) becomes a start and an end mark around its runs (deleted text as ordinary text), an
 * inserted or deleted paragraph mark and a former paragraph style (`w:pPrChange`) a mark at the
 * paragraph's end. The marks are private-use characters, so they pass through mammoth's HTML into the
 * seed blocks, where `applyRevisionMarks` turns them into suggestions and removes them.
 * Formatting changes (`w:rPrChange`) are taken as made; a revised table row is kept as it stands.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { BodySeedBlock, SeedTextRun } from '../../editor/headless';
import type { RunSuggestion } from '../../suggestions/bodyView';
import { newSuggestionId, type ParagraphSuggestions, type SuggestionMeta } from '../../suggestions/types';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000([idepql])(\d*)\uE001/g;
const DOCUMENT = 'word/document.xml';

/**
 * One revision element of the file, by its index in the revision table; a former paragraph style
 * (pPrChange) has the level that style gives.
 */
export interface WordRevision { kind: 'insert' | 'delete'; meta: SuggestionMeta; formerLevel?: 0 | 1 | 2 | 3 | 4 }

/** The prefix of a suggestion author id that came from a Word file (Word knows names only). */
export const WORD_AUTHOR_PREFIX = 'word:';

/** A file with its revisions turned into marks, and how to read the marks back. */
export interface MarkedRevisions {
  /** The .docx with the marks in word/document.xml, for mammoth. */
  bytes: Uint8Array;
  revisions: WordRevision[];
}

function attribute(attributes: string, name: string): string | null {
  const found = new RegExp(`\\bw:${name}="([^"]*)"`).exec(attributes);
  return found ? decodeXml(found[1]) : null;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Builds the revision table: one suggestion per Word revision id, kind and author. */
class RevisionTable {
  readonly revisions: WordRevision[] = [];
  private readonly ids = new Map<string, string>();

  constructor(private readonly now: string) {}

  /** The index of a new revision element with `attributes` (w:id, w:author, w:date). */
  add(kind: WordRevision['kind'], attributes: string, formerLevel?: WordRevision['formerLevel']): number {
    const authorName = attribute(attributes, 'author') ?? '';
    const date = Date.parse(attribute(attributes, 'date') ?? '');
    const key = `${kind}\u0000${attribute(attributes, 'id') ?? this.revisions.length}\u0000${authorName}`;
    const id = this.ids.get(key) ?? newSuggestionId();
    this.ids.set(key, id);
    const at = Number.isNaN(date) ? this.now : new Date(date).toISOString();
    const meta = { id, authorId: `${WORD_AUTHOR_PREFIX}${authorName}`, authorName, at };
    this.revisions.push(formerLevel === undefined ? { kind, meta } : { kind, meta, formerLevel });
    return this.revisions.length - 1;
  }
}

const markRun = (code: string): string => `<w:r><w:t>${OPEN}${code}${CLOSE}</w:t></w:r>`;
const HEADING_STYLE = /<w:pStyle\b[^>]*\bw:val="(?:Heading|heading|标题)\s*([1-4])"/;

/** One paragraph's own revisions (mark, former style) as marks at its end. */
function markParagraph(paragraph: string, table: RevisionTable): string {
  let ending = '';
  let xml = paragraph.replace(/<w:pPrChange\b([^>]*)>([\s\S]*?)<\/w:pPrChange>/g, (_whole, attributes: string, former: string) => {
    ending += markRun(`l${table.add('insert', attributes, levelOf(Number(HEADING_STYLE.exec(former)?.[1] ?? '0')))}`);
    return '';
  });
  // The mark's revision: Word writes an empty element, LibreOffice one with an end tag.
  xml = xml.replace(/<w:pPr(?:\s[^>]*)?>[\s\S]*?<\/w:pPr>/, (properties) => properties.replace(/<w:(ins|del)\b([^>]*?)(?:\/>|>\s*<\/w:\1>)/g, (_whole, tag: string, attributes: string) => {
    const kind = tag === 'ins' ? 'insert' : 'delete';
    ending += markRun(`${kind === 'insert' ? 'p' : 'q'}${table.add(kind, attributes)}`);
    return '';
  }));
  return ending === '' ? xml : xml.replace(/<\/w:p>$/, `${ending}</w:p>`);
}

/** document.xml with its revisions as marks. */
function markRevisionsInXml(documentXml: string, table: RevisionTable): string {
  const withoutFormatChanges = documentXml.replace(/<w:rPrChange\b[^>]*\/>|<w:rPrChange\b[^>]*>[\s\S]*?<\/w:rPrChange>/g, '');
  // A paragraph, not an empty one (<w:p/>): its end is the first </w:p>.
  const paragraphs = withoutFormatChanges.replace(/<w:p(?:\s[^>]*[^/>])?>[\s\S]*?<\/w:p>/g, (paragraph) => markParagraph(paragraph, table));
  return paragraphs
    // An empty revision elsewhere (a table row's, in w:trPr) marks no text.
    .replace(/<w:(ins|del)\b[^>]*>\s*<\/w:\1>/g, '')
    .replace(/<w:(ins|del|moveTo|moveFrom)\b([^>]*?)(\/?)>/g, (_whole, tag: string, attributes: string, empty: string) => {
      if (empty === '/') return '';
      const kind = tag === 'ins' || tag === 'moveTo' ? 'insert' : 'delete';
      return markRun(`${kind === 'insert' ? 'i' : 'd'}${table.add(kind, attributes)}`);
    })
    .replace(/<\/w:(ins|del|moveTo|moveFrom)>/g, markRun('e'))
    .replace(/<w:delText\b/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>')
    .replace(/<w:delInstrText\b[^>]*>[\s\S]*?<\/w:delInstrText>/g, '');
}

/**
 * The .docx with its revisions turned into marks, or null when word/document.xml has none (the file
 * is then read as it is). `now` dates a revision that has no date.
 */
export function markWordRevisions(bytes: Uint8Array, now: Date = new Date()): MarkedRevisions | null {
  const documentOnly = unzipSync(bytes, { filter: (file) => file.name === DOCUMENT })[DOCUMENT];
  if (documentOnly === undefined) return null;
  const xml = strFromU8(documentOnly);
  if (!/<w:(ins|del|moveTo|moveFrom|pPrChange)\b/.test(xml)) return null;
  const table = new RevisionTable(now.toISOString());
  const files = unzipSync(bytes);
  files[DOCUMENT] = strToU8(markRevisionsInXml(xml, table));
  return { bytes: zipSync(files), revisions: table.revisions };
}

/** Text without the marks (for reading a paragraph's level from its number). */
export function withoutRevisionMarks(text: string): string {
  return text.replace(MARK, '');
}

interface ReadRuns { runs: SeedTextRun[]; mark: Partial<ParagraphSuggestions> }

/** Reads the marks out of runs: suggested text tagged, paragraph marks returned apart. */
function readRuns(runs: readonly SeedTextRun[], revisions: readonly WordRevision[]): ReadRuns {
  const out: SeedTextRun[] = [];
  const open: WordRevision[] = [];
  const mark: Partial<ParagraphSuggestions> = {};
  const push = (text: string, format: number | undefined): void => {
    if (text === '') return;
    const kinds = new Set(open.map((r) => r.kind));
    // Inserted, then deleted (by a later revision): absent from the original and from the result.
    if (kinds.size > 1) return;
    const top = open.at(-1);
    const suggestion: RunSuggestion | undefined = top ? { ...top.meta, kind: top.kind } : undefined;
    const last = out.at(-1);
    if (last && last.format === format && last.suggestion?.id === suggestion?.id && last.suggestion?.kind === suggestion?.kind) last.text += text;
    else out.push({ text, ...(format !== undefined && { format }), ...(suggestion && { suggestion }) });
  };
  for (const run of runs) {
    let at = 0;
    for (const found of run.text.matchAll(MARK)) {
      push(run.text.slice(at, found.index), run.format);
      at = found.index + found[0].length;
      const [, code, number] = found;
      const revision = revisions[Number(number)];
      if (code === 'e') open.pop();
      else if (revision && code === 'l') mark.level = { ...revision.meta, from: revision.formerLevel ?? 0 };
      else if (revision && (code === 'i' || code === 'd')) open.push(revision);
      else if (revision && code === 'p') mark.split = revision.meta;
      else if (revision && code === 'q') mark.join = revision.meta;
    }
    push(run.text.slice(at), run.format);
  }
  return { runs: out, mark };
}

function levelOf(value: number): 0 | 1 | 2 | 3 | 4 {
  return value === 1 || value === 2 || value === 3 || value === 4 ? value : 0;
}

/** Text as the revised file shows it with every revision applied (deleted text left out). */
function appliedText(runs: readonly SeedTextRun[]): string {
  return runs.filter((run) => run.suggestion?.kind !== 'delete').map((run) => run.text).join('');
}

/**
 * Seed blocks with the marks read into suggestions: inline ones on their runs; a paragraph's
 * inserted (deleted) mark as the next paragraph's `split` (`join`); a former style as a `level`
 * suggestion when it differs from the level read. A paragraph's `text` is its text with every
 * revision applied, which is what the official parts (title, 主送机关, …) are recognized from.
 */
export function applyRevisionMarks(blocks: readonly BodySeedBlock[], revisions: readonly WordRevision[]): BodySeedBlock[] {
  let carried: Partial<ParagraphSuggestions> | null = null;
  return blocks.map((block): BodySeedBlock => {
    if (block.type === 'list') {
      carried = null;
      return { ...block, items: block.items.map((item) => ({ ...item, runs: readRuns(item.runs, revisions).runs })) };
    }
    if (block.type === 'table') {
      carried = null;
      return { ...block, rows: block.rows.map((row) => row.map((cell) => cell.map((runs) => readRuns(runs, revisions).runs))) };
    }
    const read = readRuns(block.runs ?? [{ text: block.text }], revisions);
    const level = block.level ?? 0;
    const suggestions: Partial<ParagraphSuggestions> = {
      ...(carried?.split && { split: carried.split }),
      ...(carried?.join && { join: carried.join }),
      ...(read.mark.level && read.mark.level.from !== level && { level: read.mark.level }),
    };
    carried = { split: read.mark.split, join: read.mark.join };
    const paragraph: BodySeedBlock = { type: 'paragraph', ...(level > 0 && { level }), text: appliedText(read.runs), runs: read.runs };
    return Object.keys(suggestions).length > 0 ? { ...paragraph, suggestions } : paragraph;
  });
}
