/**
 * A readable diff of two versions' text: paragraphs first (which were kept, added, removed), then,
 * for a paragraph replaced by another, the characters inserted and deleted inside it. Built on
 * jsdiff (`diff`), from canonical text, so it needs nothing from the CRDT history.
 */
import { diffArrays, diffChars } from 'diff';

export interface DiffPart { type: 'equal' | 'insert' | 'delete'; text: string }

export type DiffLine =
  | { type: 'equal' | 'insert' | 'delete'; text: string }
  /** A paragraph changed in place: its character-level parts. */
  | { type: 'change'; parts: DiffPart[] };

function charParts(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((c) => ({ type: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

/** Compares two texts given as paragraph lines. */
export function diffParagraphs(before: readonly string[], after: readonly string[]): DiffLine[] {
  const lines: DiffLine[] = [];
  const chunks = diffArrays([...before], [...after]);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const next = chunks[i + 1];
    if (chunk.removed && next?.added) {
      // Removed paragraphs followed by added ones: pair them up as edits in place.
      const paired = Math.min(chunk.value.length, next.value.length);
      for (let k = 0; k < paired; k++) lines.push({ type: 'change', parts: charParts(chunk.value[k], next.value[k]) });
      for (const text of chunk.value.slice(paired)) lines.push({ type: 'delete', text });
      for (const text of next.value.slice(paired)) lines.push({ type: 'insert', text });
      i++;
      continue;
    }
    const type = chunk.added ? 'insert' : chunk.removed ? 'delete' : 'equal';
    for (const text of chunk.value) lines.push({ type, text });
  }
  return lines;
}
