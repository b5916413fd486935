/**
 * 修订 in the margin, as Word shows it: beside every block of the body that holds pending changes, a
 * bar in the left margin and, in the right margin, who changed it and how many changes there are,
 * in the author's colour. Hovering names each change (kind, text, author, time); a click shows the
 * first one. Drawn over the sheet (a portal into it), never inside the editable body.
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { LexicalEditor } from 'lexical';
import { $getRoot } from 'lexical';
import type { SuggestionEntry } from '../../../core/suggestions/operations';
import { SUGGESTION_KIND_NAMES } from '../../../core/suggestions/types';
import { formatTime } from '../../ui/format';
import { cursorColorFor, showSuggestion, type EditorConnection } from '../editor';
import { useSuggestions } from './useSuggestions';

/** The changes of one top-level block, and where the block stands on the sheet. */
interface Row { index: number; top: number; height: number; entries: SuggestionEntry[] }

/** Label spacing: labels of neighbouring one-line paragraphs stack instead of overlapping. */
const LABEL_HEIGHT = 20;

function describe(entry: SuggestionEntry): string {
  const text = entry.text === '' ? '' : `“${entry.text.length > 30 ? `${entry.text.slice(0, 30)}…` : entry.text}”`;
  return `${SUGGESTION_KIND_NAMES[entry.kind]}${text} · ${entry.authorName} · ${formatTime(entry.at)}`;
}

function byBlock(entries: readonly SuggestionEntry[]): Map<number, SuggestionEntry[]> {
  const blocks = new Map<number, SuggestionEntry[]>();
  for (const entry of entries) blocks.set(entry.paragraphIndex, [...blocks.get(entry.paragraphIndex) ?? [], entry]);
  return blocks;
}

/** Where each block with changes stands, relative to the sheet. */
function measure(editor: LexicalEditor, sheet: HTMLElement, blocks: Map<number, SuggestionEntry[]>): Row[] {
  const keys = editor.getEditorState().read(() => $getRoot().getChildren().map((child) => child.getKey()));
  const origin = sheet.getBoundingClientRect();
  const rows: Row[] = [];
  for (const [index, entries] of blocks) {
    const key = keys[index];
    const element = key === undefined ? null : editor.getElementByKey(key);
    if (!element) continue;
    const rect = element.getBoundingClientRect();
    rows.push({ index, top: rect.top - origin.top, height: rect.height, entries });
  }
  return rows.sort((a, b) => a.top - b.top);
}

function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  return a.length === b.length && a.every((row, i) => {
    const other = b[i];
    return row.index === other.index && Math.abs(row.top - other.top) < 1 && Math.abs(row.height - other.height) < 1 && row.entries === other.entries;
  });
}

/** The margin marks of the body in `connection`; nothing while no change is pending. */
export function SuggestionMargin({ connection }: { connection: EditorConnection | null }) {
  const editor = connection?.editor ?? null;
  const entries = useSuggestions(editor);
  const blocks = useMemo(() => byBlock(entries), [entries]);
  const sheet = editor?.getRootElement()?.parentElement ?? null;
  const [rows, setRows] = useState<Row[]>([]);

  useEffect(() => {
    if (!editor || !sheet || blocks.size === 0) {
      setRows([]);
      return undefined;
    }
    let frame = 0;
    const update = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = measure(editor, sheet, blocks);
        setRows((prev) => (sameRows(prev, next) ? prev : next));
      });
    };
    update();
    const stop = editor.registerUpdateListener(update);
    const resized = new ResizeObserver(update);
    resized.observe(sheet);
    return () => {
      cancelAnimationFrame(frame);
      stop();
      resized.disconnect();
    };
  }, [editor, sheet, blocks]);

  if (!editor || !sheet || rows.length === 0) return null;
  let free = -Infinity;
  const placed = rows.map((row) => {
    const labelTop = Math.max(row.top, free);
    free = labelTop + LABEL_HEIGHT;
    return { row, labelTop };
  });
  return createPortal(
    <div className="suggestion-margin" aria-label="页边修订" role="list">
      {placed.map(({ row, labelTop }) => {
        const ids = new Set(row.entries.map((e) => e.id));
        const authors = [...new Map(row.entries.map((e) => [e.authorId, e.authorName])).entries()];
        const [firstAuthorId] = authors[0] ?? [''];
        const color = cursorColorFor(firstAuthorId);
        const first = row.entries[0];
        return (
          <div key={row.index} role="listitem" aria-label={`第 ${row.index + 1} 段 修订 ${ids.size} 处`}>
            <span className="suggestion-margin-bar" aria-hidden="true"
              style={{ top: row.top, height: row.height, background: color }} />
            <button type="button" className="suggestion-margin-label" style={{ top: labelTop, color }}
              title={row.entries.map(describe).join('\n')}
              onClick={() => { if (first) showSuggestion(editor, first); }}>
              {authors.map(([, name]) => name).join('、')}{ids.size > 1 ? ` ${ids.size}处` : ''}
            </button>
          </div>
        );
      })}
    </div>,
    sheet,
  );
}
