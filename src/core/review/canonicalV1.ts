/**
 * Canonical content version 1, FROZEN: approvals made before version 2 (bare 64-hex hashes) are
 * verified against it, so it must keep giving exactly the same text for the same content. Change
 * nothing in it or in what it uses (`serializeCanonical`); `canonicalV1.test.ts` pins its output.
 * Its gaps (a table cell's paragraphs run together, alignment and sub/superscript not read) are
 * why version 2 (canonical.ts) exists.
 *
 * Title, kind, properties and the body as blocks (type, level, text runs with their format bits),
 * independent of CRDT history and of Lexical fields that depend on editing order.
 */
import type { SerializedEditorState } from 'lexical';
import { serializeCanonical } from './canonicalJson';

/** Bold, italic, strikethrough, underline: the format bits that change what a reader sees. */
const VISIBLE_FORMAT = 1 | 2 | 4 | 8;

export interface CanonicalRunV1 { text: string; format: number }
export type CanonicalBlockV1 =
  | { type: 'paragraph'; level: number; runs: CanonicalRunV1[] }
  | { type: 'list'; listType: string; items: CanonicalListItemV1[] }
  | { type: 'table'; rows: CanonicalRunV1[][][] };
export interface CanonicalListItemV1 { runs: CanonicalRunV1[]; children: CanonicalBlockV1[] }

export interface CanonicalContentV1 {
  title: string;
  kind: string;
  properties: Record<string, string | string[]>;
  blocks: CanonicalBlockV1[];
}

interface LooseNode {
  type?: unknown; text?: unknown; format?: unknown; level?: unknown; listType?: unknown; children?: unknown;
}

function childrenOf(node: LooseNode): LooseNode[] {
  return Array.isArray(node.children) ? node.children.filter((c): c is LooseNode => typeof c === 'object' && c !== null) : [];
}

function runsOf(node: LooseNode): CanonicalRunV1[] {
  const runs: CanonicalRunV1[] = [];
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

function blockOf(node: LooseNode): CanonicalBlockV1 | null {
  if (node.type === 'list') {
    return {
      type: 'list',
      listType: typeof node.listType === 'string' ? node.listType : 'bullet',
      items: childrenOf(node).map((item) => ({
        runs: runsOf(item),
        children: childrenOf(item).filter((c) => c.type === 'list').map(blockOf).filter((b): b is CanonicalBlockV1 => b !== null),
      })),
    };
  }
  if (node.type === 'table') {
    return { type: 'table', rows: childrenOf(node).map((row) => childrenOf(row).map((cell) => runsOf(cell))) };
  }
  return { type: 'paragraph', level: typeof node.level === 'number' ? node.level : 0, runs: runsOf(node) };
}

function canonicalPropertiesV1(properties: Record<string, string | string[]>): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    const clean = Array.isArray(value) ? value.map((v) => v.trim()).filter(Boolean) : value.trim();
    if (clean.length > 0) result[key] = clean;
  }
  return result;
}

/** Builds the canonical content from the document's fields and its body's Lexical JSON. */
export function canonicalContentV1(input: {
  title: string; kind: string; properties: Record<string, string | string[]>; body: SerializedEditorState;
}): CanonicalContentV1 {
  const root: LooseNode = input.body.root;
  return {
    title: input.title.trim(),
    kind: input.kind,
    properties: canonicalPropertiesV1(input.properties),
    blocks: childrenOf(root).map(blockOf).filter((b): b is CanonicalBlockV1 => b !== null),
  };
}

/** The v1 canonical text of a piece: what a v1 hash is the SHA-256 of. */
export function canonicalTextV1(input: Parameters<typeof canonicalContentV1>[0]): string {
  return serializeCanonical(canonicalContentV1(input));
}
