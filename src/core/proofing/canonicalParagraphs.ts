import type { CanonicalBlock } from '../review/canonical';
import type { ParagraphInput } from './types';

/**
 * The body's paragraphs as the proofreader reads them, from canonical content: paragraphs with their
 * levels, list items (nested ones after their item) and table cells, in document order. The editor
 * walks its Lexical nodes in the same order, so both see the same texts.
 */
export function paragraphsOfBlocks(blocks: readonly CanonicalBlock[]): ParagraphInput[] {
  const out: ParagraphInput[] = [];
  const text = (runs: ReadonlyArray<{ text: string }>): string => runs.map((r) => r.text).join('');
  const walk = (block: CanonicalBlock): void => {
    if (block.type === 'paragraph') {
      out.push({ text: text(block.runs), level: block.level });
    } else if (block.type === 'list') {
      for (const item of block.items) {
        out.push({ text: text(item.runs), kind: 'listItem' });
        item.children.forEach(walk);
      }
    } else {
      for (const row of block.rows) for (const cell of row) out.push({ text: text(cell), kind: 'cell' });
    }
  };
  blocks.forEach(walk);
  return out;
}
