/**
 * A body as the docx layouts see it: paragraphs with structure levels, lists and tables, each made
 * of text runs with Lexical's format bits. Read from the Lexical JSON that `readBody` gives, without
 * a Lexical editor, so it runs anywhere and costs little.
 */
import type { StructureLevel } from '../editor/DeskParagraphNode';
import { toStructureLevel } from '../editor/DeskParagraphNode';

/** Lexical's text format bits that survive into Word. */
export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, subscript: 32, superscript: 64 } as const;

export interface TextRunModel { text: string; format: number }

export type BlockAlign = 'left' | 'center' | 'right' | 'justify' | '';

export interface ParagraphBlock { type: 'paragraph'; level: StructureLevel; runs: TextRunModel[]; align: BlockAlign }
export interface ListItemModel { depth: number; runs: TextRunModel[] }
export interface ListBlock { type: 'list'; ordered: boolean; items: ListItemModel[] }
/** A cell holds one or more paragraphs, each a list of runs. */
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

/** The runs of an inline container: text keeps its format, line breaks become '\n', tabs '\t'. */
function runsOf(node: JsonRecord): TextRunModel[] {
  const runs: TextRunModel[] = [];
  const push = (text: string, format: number): void => {
    const last = runs.at(-1);
    if (last && last.format === format) last.text += text;
    else runs.push({ text, format });
  };
  for (const child of childrenOf(node)) {
    if (child.type === 'linebreak') push('\n', 0);
    else if (child.type === 'tab') push('\t', 0);
    else if (typeof child.text === 'string') push(child.text, typeof child.format === 'number' ? child.format : 0);
    else if (Array.isArray(child.children)) for (const run of runsOf(child)) push(run.text, run.format);
  }
  return runs;
}

function listItems(list: JsonRecord, depth: number): ListItemModel[] {
  return childrenOf(list).flatMap((item) => {
    const nested = childrenOf(item).filter((child) => child.type === 'list');
    if (nested.length > 0) return nested.flatMap((n) => listItems(n, depth + 1));
    return [{ depth, runs: runsOf(item) }];
  });
}

function tableRows(table: JsonRecord): TextRunModel[][][][] {
  return childrenOf(table).map((row) => childrenOf(row).map((cell) => {
    const paragraphs = childrenOf(cell).map(runsOf);
    return paragraphs.length > 0 ? paragraphs : [[]];
  }));
}

/**
 * The blocks of a body, from the JSON of a Lexical editor state (`{root: {children}}`) or of its
 * root. Unknown block nodes count as paragraphs of their text, so nothing a writer typed is dropped.
 */
export function bodyBlocksFromLexical(json: unknown): BodyBlock[] {
  const root = isRecord(json) && isRecord(json.root) ? json.root : json;
  if (!isRecord(root)) return [];
  return childrenOf(root).map((node): BodyBlock => {
    if (node.type === 'list') return { type: 'list', ordered: node.listType === 'number', items: listItems(node, 0) };
    if (node.type === 'table') return { type: 'table', rows: tableRows(node) };
    return { type: 'paragraph', level: toStructureLevel(node.level), runs: runsOf(node), align: alignOf(node) };
  });
}

/** The plain text of some runs. */
export function runsText(runs: readonly TextRunModel[]): string {
  return runs.map((run) => run.text).join('');
}

/**
 * Splits runs at a character offset into the runs before and after it (formats kept), e.g. to set
 * a run-in heading's first sentence in the heading font.
 */
export function splitRuns(runs: readonly TextRunModel[], offset: number): [TextRunModel[], TextRunModel[]] {
  const before: TextRunModel[] = [];
  const after: TextRunModel[] = [];
  let seen = 0;
  for (const run of runs) {
    const start = seen;
    seen += run.text.length;
    if (seen <= offset) before.push(run);
    else if (start >= offset) after.push(run);
    else {
      before.push({ text: run.text.slice(0, offset - start), format: run.format });
      after.push({ text: run.text.slice(offset - start), format: run.format });
    }
  }
  return [before, after];
}

export type { StructureLevel };
