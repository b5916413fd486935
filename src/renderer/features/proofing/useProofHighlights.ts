/**
 * Underlines findings in the body by severity with the CSS Custom Highlight API
 * (`::highlight(proof-error)` …): ranges are computed after each render, and neither the body nor its
 * Y.Doc changes.
 */
import { useEffect } from 'react';
import type { LexicalEditor } from 'lexical';
import type { PlacedFinding, Severity } from '../../../core/proofing';
import { domRange, type BodyUnit } from './bodyUnits';

export const HIGHLIGHTS: Readonly<Record<Severity | 'active', string>> = {
  error: 'proof-error', warning: 'proof-warning', hint: 'proof-hint', active: 'proof-active',
};

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** The DOM range of a body finding, or null (title and properties have none). */
export function findingRange(editor: LexicalEditor, units: readonly BodyUnit[], f: PlacedFinding): Range | null {
  const unit = f.scope === 'body' ? units[f.paragraph] : undefined;
  if (!unit || unit.input.text !== f.text) return null;
  // An empty range (something missing) is shown on the character before it.
  const start = f.end === f.start ? Math.max(0, f.start - 1) : f.start;
  return domRange(editor, unit, start, Math.max(f.end, start + 1));
}

export function useProofHighlights(editor: LexicalEditor | null, units: readonly BodyUnit[], findings: readonly PlacedFinding[], active: string | null): void {
  useEffect(() => {
    if (!editor || !supported()) return undefined;
    const paint = (): void => {
      const ranges: Record<string, Range[]> = { error: [], warning: [], hint: [], active: [] };
      for (const f of findings) {
        const range = findingRange(editor, units, f);
        if (!range) continue;
        ranges[f.severity].push(range);
        if (f.fingerprint === active) ranges.active.push(range.cloneRange());
      }
      for (const [name, list] of Object.entries(ranges)) CSS.highlights.set(HIGHLIGHTS[name as Severity | 'active'], new Highlight(...list));
    };
    // The DOM follows the editor state after this render; paint on the next frame.
    const frame = requestAnimationFrame(paint);
    return () => cancelAnimationFrame(frame);
  }, [editor, units, findings, active]);

  useEffect(() => () => {
    if (supported()) for (const name of Object.values(HIGHLIGHTS)) CSS.highlights.delete(name);
  }, []);
}
