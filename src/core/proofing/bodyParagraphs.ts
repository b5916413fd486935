import { runsText, type BodyBlock } from '../body/bodyModel';
import type { ParagraphInput } from './types';

/**
 * The body's paragraphs as the proofreader reads them, from the body model: paragraphs with their
 * levels, list items, and each paragraph of each table cell, in document order. The server's gate
 * and the editor (src/renderer/features/proofing/bodyUnits.ts) both take them from here, so both
 * see the same texts and make the same fingerprints.
 */
export function paragraphsOfBlocks(blocks: readonly BodyBlock[]): ParagraphInput[] {
  return blocks.flatMap((block): ParagraphInput[] => {
    if (block.type === 'paragraph') return [{ text: runsText(block.runs), level: block.level }];
    if (block.type === 'list') return block.items.map((item) => ({ text: runsText(item.runs), kind: 'listItem' }));
    return block.rows.flat(2).map((runs) => ({ text: runsText(runs), kind: 'cell' }));
  });
}
