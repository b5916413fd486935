/**
 * The canonical content of a piece: what an approval vouches for. Title, kind, properties and the
 * body as blocks (type, level, text runs with their format bits), independent of CRDT history and of
 * Lexical fields that depend on editing order (keys, versions, text node splits, direction). Its
 * serialization is deterministic, so the same content always hashes the same.
 */
import type { SerializedEditorState } from 'lexical';

/** Bold, italic, strikethrough, underline: the format bits that change what a reader sees. */
const VISIBLE_FORMAT = 1 | 2 | 4 | 8;

export interface CanonicalRun { text: string; format: number }
export type CanonicalBlock =
  | { type: 'paragraph'; level: number; runs: CanonicalRun[] }
  | { type: 'list'; listType: string; items: CanonicalListItem[] }
  | { type: 'table'; rows: CanonicalRun[][][] };
export interface CanonicalListItem { runs: CanonicalRun[]; children: CanonicalBlock[] }

export interface CanonicalContent {
  title: string;
  kind: string;
  properties: Record<string, string | string[]>;
  blocks: CanonicalBlock[];
}

interface LooseNode {
  type?: unknown; text?: unknown; format?: unknown; level?: unknown; listType?: unknown; children?: unknown;
}

function childrenOf(node: LooseNode): LooseNode[] {
  return Array.isArray(node.children) ? node.children.filter((c): c is LooseNode => typeof c === 'object' && c !== null) : [];
}

function runsOf(node: LooseNode): CanonicalRun[] {
  const runs: CanonicalRun[] = [];
  const push = (text: string, format: number): void => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.format === format) last.text += text;
    else runs.push({ text, format });
  };
  const walk = (n: LooseNode): void => {
    for (const child of childrenOf(n)) {
      if (child.type === 'text' && typeof child.text === 'string') {
        push(child.text, (typeof child.format === 'number' ? child.format : 0) & VISIBLE_FORMAT);
      } else if (child.type === 'linebreak') {
        push('\n', 0);
      } else if (child.type === 'tab') {
        push('\t', 0);
      } else if (child.type !== 'list') {
        walk(child);
      }
    }
  };
  walk(node);
  return runs;
}

function blockOf(node: LooseNode): CanonicalBlock | null {
  if (node.type === 'list') {
    return {
      type: 'list',
      listType: typeof node.listType === 'string' ? node.listType : 'bullet',
      items: childrenOf(node).map((item) => ({
        runs: runsOf(item),
        children: childrenOf(item).filter((c) => c.type === 'list').map(blockOf).filter((b): b is CanonicalBlock => b !== null),
      })),
    };
  }
  if (node.type === 'table') {
    return { type: 'table', rows: childrenOf(node).map((row) => childrenOf(row).map((cell) => runsOf(cell))) };
  }
  return { type: 'paragraph', level: typeof node.level === 'number' ? node.level : 0, runs: runsOf(node) };
}

function canonicalProperties(properties: Record<string, string | string[]>): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    const clean = Array.isArray(value) ? value.map((v) => v.trim()).filter(Boolean) : value.trim();
    if (clean.length > 0) result[key] = clean;
  }
  return result;
}

/** Builds the canonical content from the document's fields and its body's Lexical JSON. */
export function canonicalContent(input: {
  title: string; kind: string; properties: Record<string, string | string[]>; body: SerializedEditorState;
}): CanonicalContent {
  const root: LooseNode = input.body.root;
  return {
    title: input.title.trim(),
    kind: input.kind,
    properties: canonicalProperties(input.properties),
    blocks: childrenOf(root).map(blockOf).filter((b): b is CanonicalBlock => b !== null),
  };
}

/** Deterministic JSON: object keys sorted at every depth, no whitespace. */
export function serializeCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(serializeCanonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serializeCanonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The body as plain text lines, one per paragraph (list items and table rows one each). */
export function canonicalLines(content: CanonicalContent): string[] {
  const text = (runs: CanonicalRun[]): string => runs.map((r) => r.text).join('');
  const lines = (block: CanonicalBlock): string[] => {
    if (block.type === 'paragraph') return [text(block.runs)];
    if (block.type === 'table') return block.rows.map((row) => row.map(text).join('\t'));
    return block.items.flatMap((item) => [text(item.runs), ...item.children.flatMap(lines)]);
  };
  return content.blocks.flatMap(lines);
}
