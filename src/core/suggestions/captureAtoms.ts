/**
 * The atoms suggesting mode compares: paragraphs read as a sequence of paragraph start marks,
 * characters and other inline leaves, each tagged with the suggestion it stands in. Atoms of the
 * live tree point at their nodes, so a capture can change the tree in place.
 */
import {
  $isElementNode, $isTextNode, type ElementFormatType, type ElementNode, type LexicalNode, type TextNode,
} from 'lexical';
import { $isDeskParagraphNode, type StructureLevel } from '../editor/DeskParagraphNode';
import { $isSuggestionNode } from './SuggestionNode';
import { $deletionOf } from './deletionMark';
import type { InlineSuggestionKind, SuggestionMeta } from './types';

/** The suggestion an atom stands in. */
export interface Sug { kind: InlineSuggestionKind; meta: SuggestionMeta }

/**
 * A block's start (a paragraph's, or a list item's), with what a paragraph re-created from it
 * needs. Only paragraphs carry split and join suggestions.
 */
export interface MarkAtom {
  t: 'mark'; node: ElementNode; split: SuggestionMeta | null; join: SuggestionMeta | null;
  level: StructureLevel; align: ElementFormatType; indent: number;
}
/** One character of the text node `node`, at `offset` in it. */
export interface CharAtom { t: 'char'; ch: string; format: number; style: string; sug: Sug | null; node: TextNode; offset: number }
/** A line break, tab or other inline leaf. */
export interface LeafAtom { t: 'leaf'; node: LexicalNode; sug: Sug | null }
export type Atom = MarkAtom | CharAtom | LeafAtom;

/** Whether two atoms read the same (suggestions aside): what the diff compares. */
export function sameAtom(a: Atom, b: Atom): boolean {
  if (a.t === 'char' && b.t === 'char') return a.ch === b.ch;
  if (a.t === 'leaf' && b.t === 'leaf') return a.node.getType() === b.node.getType();
  return a.t === 'mark' && b.t === 'mark';
}

/** The atoms of blocks, paragraphs or a list item (run where they are readable: the live update or `state.read`). */
export function $linearize(blocks: readonly ElementNode[]): Atom[] {
  const atoms: Atom[] = [];
  const inline = (parent: ElementNode, sug: Sug | null): void => {
    for (const child of parent.getChildren()) {
      if ($isSuggestionNode(child)) inline(child, { kind: child.getKind(), meta: child.getMeta() });
      else if ($isTextNode(child) && child.getType() === 'text') {
        const format = child.getFormat();
        const style = child.getStyle();
        // A deletion mark on the text is the innermost suggestion it stands in.
        const deletion = $deletionOf(child);
        const own: Sug | null = deletion ? { kind: 'delete', meta: deletion } : sug;
        let offset = 0;
        for (const ch of child.getTextContent()) {
          atoms.push({ t: 'char', ch, format, style, sug: own, node: child, offset });
          offset += ch.length;
        }
      } else if ($isElementNode(child)) inline(child, sug);
      else atoms.push({ t: 'leaf', node: child, sug });
    }
  };
  for (const block of blocks) {
    const paragraph = $isDeskParagraphNode(block) ? block : null;
    const { split, join } = paragraph ? paragraph.getSuggestions() : { split: null, join: null };
    atoms.push({
      t: 'mark', node: block, split, join, level: paragraph ? paragraph.getLevel() : 0, align: block.getFormatType(), indent: block.getIndent(),
    });
    inline(block, null);
  }
  return atoms;
}
