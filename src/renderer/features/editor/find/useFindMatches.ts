/**
 * The matches of a query in the live body and which one is current, highlighted with the CSS Custom
 * Highlight API (`::highlight(find-match)`, `::highlight(find-current)`): ranges are computed after each
 * update of the editor, whoever made it, and neither the body nor its Y.Doc changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { findMatches, matchAtOrAfter, type TextMatch } from '../../../../core/text/findMatches';
import { domRange, readBodyUnits, type BodyUnit } from '../../proofing/bodyUnits';

export const FIND_MATCH = 'find-match';
export const FIND_CURRENT = 'find-current';

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** Where the current match is sought from: a place in a unit (by key, its index as a fallback). */
export interface FindPlace { key: string | null; paragraph: number; offset: number }

export interface FindMatches {
  units: BodyUnit[];
  matches: TextMatch[];
  /** Index into `matches`, -1 when there is none. */
  current: number;
  /** Makes the first match at or after `place` current (wrapping round), and scrolls to it. */
  seek(place: FindPlace): void;
  /** The place of a match, to seek it again after the text changes. */
  placeOf(match: TextMatch, offset?: number): FindPlace;
}

/** The place of the editor's caret (the start of its selection), or the start of the body. */
export function caretPlace(editor: LexicalEditor, units: readonly BodyUnit[]): FindPlace {
  const point = editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    return selection.isBackward() ? selection.focus : selection.anchor;
  });
  if (point) {
    for (let i = 0; i < units.length; i += 1) {
      const segment = units[i].segments.find((s) => s.key === point.key);
      if (segment) return { key: units[i].key, paragraph: i, offset: segment.start + point.offset };
      if (units[i].key === point.key) return { key: units[i].key, paragraph: i, offset: 0 };
    }
  }
  return { key: null, paragraph: 0, offset: 0 };
}

/** Scrolls the body so that a range is in view, unless it already is. */
function reveal(range: Range): void {
  const element = range.startContainer.parentElement;
  if (!element) return;
  const box = element.closest('.desk')?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
  const rect = range.getBoundingClientRect();
  // The find bar floats over the top of the desk.
  if (rect.top < box.top + 96 || rect.bottom > box.bottom - 24) element.scrollIntoView({ block: 'center' });
}

export function useFindMatches(editor: LexicalEditor, query: string, active: boolean): FindMatches {
  const [units, setUnits] = useState<BodyUnit[]>([]);
  const [place, setPlace] = useState<FindPlace>({ key: null, paragraph: 0, offset: 0 });
  const revealNext = useRef(false);

  useEffect(() => {
    if (!active) return undefined;
    let frame = 0;
    const read = (): void => { frame = 0; setUnits(readBodyUnits(editor)); };
    read();
    const stop = editor.registerUpdateListener(() => { if (!frame) frame = requestAnimationFrame(read); });
    return () => { stop(); if (frame) cancelAnimationFrame(frame); };
  }, [editor, active]);

  const matches = useMemo(() => (active ? findMatches(units.map((u) => u.input.text), query) : []), [active, units, query]);
  const current = useMemo(() => {
    const byKey = place.key === null ? -1 : units.findIndex((u) => u.key === place.key);
    return matchAtOrAfter(matches, byKey === -1 ? place.paragraph : byKey, place.offset);
  }, [matches, units, place]);

  // A new query is sought from where the search stands and shown.
  useEffect(() => { revealNext.current = true; }, [query]);

  const seek = useCallback((next: FindPlace) => { revealNext.current = true; setPlace(next); }, []);
  const placeOf = useCallback((match: TextMatch, offset = match.start): FindPlace => (
    { key: units[match.paragraph]?.key ?? null, paragraph: match.paragraph, offset }
  ), [units]);

  useEffect(() => {
    if (!active || !supported()) return undefined;
    const frame = requestAnimationFrame(() => {
      const all: Range[] = [];
      let currentRange: Range | null = null;
      for (let i = 0; i < matches.length; i += 1) {
        const m = matches[i];
        const unit = units[m.paragraph];
        const range = unit ? domRange(editor, unit, m.start, m.end) : null;
        if (!range) continue;
        all.push(range);
        if (i === current) currentRange = range.cloneRange();
      }
      CSS.highlights.set(FIND_MATCH, new Highlight(...all));
      const highlight = currentRange ? new Highlight(currentRange) : new Highlight();
      highlight.priority = 1;
      CSS.highlights.set(FIND_CURRENT, highlight);
      // Only the searcher's own moves scroll; collaborators' edits repaint in place.
      if (currentRange && revealNext.current) reveal(currentRange);
      revealNext.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [editor, active, units, matches, current]);

  useEffect(() => {
    if (active || !supported()) return undefined;
    CSS.highlights.delete(FIND_MATCH);
    CSS.highlights.delete(FIND_CURRENT);
    return undefined;
  }, [active]);
  useEffect(() => () => {
    if (supported()) { CSS.highlights.delete(FIND_MATCH); CSS.highlights.delete(FIND_CURRENT); }
  }, []);

  return { units, matches, current, seek, placeOf };
}
