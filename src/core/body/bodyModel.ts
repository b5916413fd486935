/**
 * The body model: a 文稿台 body, given as Lexical's serialized JSON (as `readBody` gives it), read into
 * typed blocks that hold everything the .docx export prints — structure levels, paragraph alignment,
 * text runs with the format bits Word shows, lists with their kind and nesting depth, tables as rows
 * of cells of paragraphs — and nothing that depends on editing order (node keys, how text is split
 * into nodes, empty text nodes, format bits Word does not show).
 *
 * It is the one reader of body JSON: the export prints these blocks, the canonical content an
 * approval vouches for is built from them (so whatever prints differently hashes differently), and
 * proofreading, 字数 and the plain-text lines read them. It runs without a Lexical editor, anywhere.
 */
import type { StructureLevel } from '../editor/DeskParagraphNode';
import { toStructureLevel } from '../editor/DeskParagraphNode';
import {
  markedParagraphSuggestions, runSuggestionOf, sameRunSuggestion, viewBodyRoot,
  type RunSuggestion, type SuggestionView,
} from '../suggestions/bodyView';
import type { ParagraphSuggestions } from '../suggestions/types';

/** Lexical's text format bits that Word prints. */
export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, subscript: 32, superscript: 64 } as const;

/** Every printed bit; the others (code, highlight, letter case) are dropped on reading. */
export const PRINTED_FORMAT = FORMAT.bold | FORMAT.italic | FORMAT.strikethrough | FORMAT.underline | FORMAT.subscript | FORMAT.superscript;

/**
 * Text with its printed format bits; a line break is '\n', a tab '\t'. Never empty. In the
 * `marked` view a run of suggested text names its suggestion.
 */
export interface TextRunModel { text: string; format: number; suggestion?: RunSuggestion }

/** '' is the body's own alignment (justified by its style), as are Lexical's 'start' and 'end'. */
export type BlockAlign = 'left' | 'center' | 'right' | 'justify' | '';

/** In the `marked` view a paragraph with pending paragraph suggestions carries them. */
export interface ParagraphBlock {
  type: 'paragraph'; level: StructureLevel; runs: TextRunModel[]; align: BlockAlign; suggestions?: ParagraphSuggestions;
}
/** A list item at its nesting depth (0 = top); a nested list's items follow the item they belong to. */
export interface ListItemModel { depth: number; runs: TextRunModel[] }
/** A list; its kind is the top list's (Word numbers a nested list as its list). */
export interface ListBlock { type: 'list'; ordered: boolean; items: ListItemModel[] }
/** Rows of cells; a cell holds one or more paragraphs, each a list of runs. */
export interface TableBlock { type: 'table'; rows: TextRunModel[][][][] }
export type BodyBlock = ParagraphBlock | ListBlock | TableBlock;

type JsonRecord = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: JsonRecord): JsonRecord[] {
  const children = node.children;
  return Array.isArray(children) ? children.filter(isRecord) : [];
}

function alignOf(node: JsonRecord): BlockAlign {
  const format = node.format;
  return format === 'left' || format === 'center' || format === 'right' || format === 'justify' ? format : '';
}

function formatOf(node: JsonRecord): number {
  return typeof node.format === 'number' ? node.format & PRINTED_FORMAT : 0;
}

/** Text, a tab or a line break: what lives inside a paragraph. */
function isInline(node: JsonRecord): boolean {
  return typeof node.text === 'string' || node.type === 'linebreak';
}

/**
 * The runs of an inline container (nested lists left out): text and tabs keep their printed
 * format, line breaks become '\n'; neighbours of the same format are one run.
 */
function runsOf(node: JsonRecord): TextRunModel[] {
  const runs: TextRunModel[] = [];
  const push = (text: string, format: number, suggestion: RunSuggestion | undefined): void => {
    if (text === '') return;
    const last = runs.at(-1);
    if (last && last.format === format && sameRunSuggestion(last.suggestion, suggestion)) last.text += text;
    else runs.push(suggestion ? { text, format, suggestion } : { text, format });
  };
  const walk = (container: JsonRecord): void => {
    for (const child of childrenOf(container)) {
      const suggestion = runSuggestionOf(child);
      if (child.type === 'linebreak') push('\n', 0, suggestion);
      else if (child.type === 'tab') push('\t', formatOf(child), suggestion);
      else if (typeof child.text === 'string') push(child.text, formatOf(child), suggestion);
      else if (child.type !== 'list') walk(child);
    }
  };
  walk(node);
  return runs;
}

/** Items in document order: an item's own text (unless it only holds a nested list), then its nested lists. */
function listItems(list: JsonRecord, depth: number): ListItemModel[] {
  return childrenOf(list).flatMap((item) => {
    const children = childrenOf(item);
    const nested = children.filter((child) => child.type === 'list');
    const own = nested.length < children.length || nested.length === 0 ? [{ depth, runs: runsOf(item) }] : [];
    return [...own, ...nested.flatMap((n) => listItems(n, depth + 1))];
  });
}

/** The paragraphs a block inside a table cell prints as: a list's items, a nested table's cell paragraphs. */
function cellParagraphs(node: JsonRecord): TextRunModel[][] {
  if (node.type === 'list') return listItems(node, 0).map((item) => item.runs);
  if (node.type === 'table') return tableRows(node).flat(2);
  return [runsOf(node)];
}

function cellOf(cell: JsonRecord): TextRunModel[][] {
  const paragraphs: TextRunModel[][] = [];
  // Text straight in a cell (no paragraph around it) is one paragraph, so none of it is dropped.
  let inline: JsonRecord[] = [];
  const flush = (): void => {
    if (inline.length > 0) paragraphs.push(runsOf({ children: inline }));
    inline = [];
  };
  for (const child of childrenOf(cell)) {
    if (isInline(child)) inline.push(child);
    else {
      flush();
      paragraphs.push(...cellParagraphs(child));
    }
  }
  flush();
  return paragraphs.length > 0 ? paragraphs : [[]];
}

function tableRows(table: JsonRecord): TextRunModel[][][][] {
  return childrenOf(table).map((row) => childrenOf(row).map(cellOf));
}

/** How to read a body: which view of its pending suggestions (default `original`, all unapplied). */
export interface BodyReadOptions { suggestions?: SuggestionView }

/**
 * The blocks of a body, from the JSON of a Lexical editor state (`{root: {children}}`) or of its
 * root. Unknown block nodes count as paragraphs of their text, so nothing a writer typed is dropped.
 * Pending suggestions are read as `options.suggestions` says (see suggestions/bodyView.ts).
 */
export function bodyBlocksFromLexical(json: unknown, options: BodyReadOptions = {}): BodyBlock[] {
  const given = isRecord(json) && isRecord(json.root) ? json.root : json;
  if (!isRecord(given)) return [];
  const view = options.suggestions ?? 'original';
  const root = viewBodyRoot(given, view);
  return childrenOf(root).map((node): BodyBlock => {
    if (node.type === 'list') return { type: 'list', ordered: node.listType === 'number', items: listItems(node, 0) };
    if (node.type === 'table') return { type: 'table', rows: tableRows(node) };
    const paragraph: ParagraphBlock = { type: 'paragraph', level: toStructureLevel(node.level), runs: runsOf(node), align: alignOf(node) };
    const suggestions = view === 'marked' ? markedParagraphSuggestions(node) : undefined;
    return suggestions ? { ...paragraph, suggestions } : paragraph;
  });
}

/** The plain text of some runs. */
export function runsText(runs: readonly TextRunModel[]): string {
  return runs.map((run) => run.text).join('');
}

/**
 * The body as plain-text lines: one per paragraph and per list item; a table row is one line, its
 * cells separated by tabs and a cell's paragraphs by line breaks.
 */
export function bodyLines(blocks: readonly BodyBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'paragraph') return [runsText(block.runs)];
    if (block.type === 'list') return block.items.map((item) => runsText(item.runs));
    return block.rows.map((row) => row.map((cell) => cell.map(runsText).join('\n')).join('\t'));
  });
}

/** The body as plain text: its lines (`bodyLines`) joined by line breaks. */
export function bodyText(blocks: readonly BodyBlock[]): string {
  return bodyLines(blocks).join('\n');
}

export type { StructureLevel };
