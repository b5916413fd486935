/**
 * The edits 查找和替换 makes: replacing matches (each replacement an ordinary edit of the body, one
 * undo step per click) and putting the editor's selection on a match.
 */
import {
  $createRangeSelection, $setSelection, SKIP_DOM_SELECTION_TAG, type LexicalEditor, type RangeSelection,
} from 'lexical';
import type { TextMatch } from '../../../../core/text/findMatches';
import { segmentAt, type BodyUnit } from '../../proofing/bodyUnits';
import { undoBoundary } from '../collab/undoBoundary';

/** The selection over a match, or null when an end of it is not inside a text node (a break or tab). */
function $matchSelection(unit: BodyUnit, match: TextMatch): RangeSelection | null {
  const from = segmentAt(unit, match.start, false);
  const to = segmentAt(unit, match.end, true);
  if (!from?.text || !to?.text) return null;
  const selection = $createRangeSelection();
  selection.anchor.set(from.key, match.start - from.start, 'text');
  selection.focus.set(to.key, match.end - to.start, 'text');
  return selection;
}

/**
 * Replaces the given matches of `units` (read from the editor's current state) with `text`, in ONE
 * update: one change for collaborators and one step for Ctrl+Z. Each replacement takes the format
 * of the first character it replaces. The DOM selection is left alone, so the find bar keeps the
 * focus. Returns how many were replaced.
 */
export function replaceMatches(editor: LexicalEditor, units: readonly BodyUnit[], matches: readonly TextMatch[], text: string): number {
  if (!editor.isEditable() || matches.length === 0) return 0;
  let replaced = 0;
  const boundary = undoBoundary(editor);
  boundary?.stopCapturing();
  editor.update(() => {
    // Last first: a replacement changes the offsets after it, never those before it.
    for (const match of [...matches].sort((a, b) => b.paragraph - a.paragraph || b.start - a.start)) {
      const unit = units[match.paragraph];
      const selection = unit && $matchSelection(unit, match);
      if (!selection) continue;
      $setSelection(selection);
      selection.insertText(text);
      replaced += 1;
    }
  }, { discrete: true, tag: ['find', SKIP_DOM_SELECTION_TAG] });
  boundary?.stopCapturing();
  return replaced;
}

/** Puts the editor's selection on a match and the focus in the body (the find bar closes). */
export function focusMatch(editor: LexicalEditor, unit: BodyUnit | undefined, match: TextMatch | undefined): void {
  editor.getRootElement()?.focus({ preventScroll: true });
  if (!unit || !match) return;
  editor.update(() => {
    const selection = $matchSelection(unit, match);
    if (selection) $setSelection(selection);
  }, { tag: 'find' });
}
