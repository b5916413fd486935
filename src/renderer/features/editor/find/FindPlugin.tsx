/**
 * 查找和替换 in the body: Ctrl/Cmd+F opens the find bar over the sheet, Ctrl+H (⌥⌘F on macOS) with
 * the 替换 row. Matches are highlighted without touching the body (useFindMatches); 替换 and 全部替换
 * are ordinary edits, each one undo step. Readers (editor.isEditable() false) get find only.
 * Mount inside the LexicalComposer.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, KEY_ESCAPE_COMMAND, REDO_COMMAND, UNDO_COMMAND,
} from 'lexical';
import { findMatches } from '../../../../core/text/findMatches';
import { useCommand } from '../../../platform/commands';
import { isDesktop } from '../../../platform/desk';
import { readBodyUnits, type BodyUnit } from '../../proofing/bodyUnits';
import { FindBar } from './FindBar';
import { focusMatch, replaceMatches } from './findEdits';
import { caretPlace, useFindMatches } from './useFindMatches';
import './find.css';

/** The longest selection taken as the query when the bar opens. */
const MAX_PREFILL = 80;

type Shortcut = 'find' | 'replace' | null;

/** The browser's keys for the bar; in the desktop app the menu's accelerators send the same commands. */
function shortcutOf(event: globalThis.KeyboardEvent): Shortcut {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.shiftKey) return null;
  if (event.altKey) return event.code === 'KeyF' ? 'replace' : null;
  const key = event.key.toLowerCase();
  if (key === 'f') return 'find';
  // Cmd+H hides the application on macOS: there ⌥⌘F (above) is replace, as in Pages and Xcode.
  if (key === 'h' && event.ctrlKey && !event.metaKey) return 'replace';
  return null;
}

/**
 * `replaceable` false offers 查找 without 替换: while 修订 is on, a replacement in several places in one
 * update would be recorded as one deletion and insertion spanning them all.
 */
export function FindPlugin({ replaceable = true }: { replaceable?: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  // 已替换 N 处, shown until the matches change otherwise (an undo, a collaborator's typing).
  const [notice, setNotice] = useState<{ text: string; remaining: number; units: BodyUnit[] } | null>(null);
  const [editable, setEditable] = useState(() => editor.isEditable());
  const [focusTarget, setFocusTarget] = useState<{ field: 'find' | 'replace' } | null>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const found = useFindMatches(editor, query, open);
  const { matches, current, units, seek, placeOf } = found;
  const canReplace = editable && replaceable;

  useEffect(() => editor.registerEditableListener(setEditable), [editor]);
  useEffect(() => {
    if (notice && units !== notice.units && matches.length !== notice.remaining) setNotice(null);
  }, [notice, units, matches]);

  useEffect(() => {
    if (!focusTarget) return;
    const input = focusTarget.field === 'replace' ? replaceRef.current : findRef.current;
    input?.focus();
    input?.select();
  }, [focusTarget]);

  const setSearch = useCallback((text: string, settled = true) => {
    setDraft(text);
    if (settled) { setQuery(text); setNotice(null); }
  }, []);

  const openBar = useCallback((withReplace: boolean) => {
    const root = editor.getRootElement();
    const fromBody = !open || (root !== null && root.contains(document.activeElement));
    let search = draft;
    if (fromBody) {
      const selected = editor.getEditorState().read(() => {
        const selection = $getSelection();
        return $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getTextContent() : '';
      });
      if (selected && selected.length <= MAX_PREFILL && !selected.includes('\n')) {
        search = selected;
        setSearch(selected);
      }
      seek(caretPlace(editor, readBodyUnits(editor)));
    }
    const replace = withReplace && editor.isEditable();
    // Opened afresh, the bar shows what was asked for; open, Ctrl+F does not fold the 替换 row away.
    if (replace || !open) setReplacing(replace);
    setOpen(true);
    setFocusTarget({ field: replace && search !== '' ? 'replace' : 'find' });
  }, [editor, open, draft, seek, setSearch]);

  useCommand('find', () => openBar(false));
  useCommand('replace', () => openBar(true));
  useEffect(() => {
    if (isDesktop()) return undefined; // the desktop menu's accelerators send 'find' and 'replace'
    const onKey = (event: globalThis.KeyboardEvent): void => {
      const shortcut = shortcutOf(event);
      if (!shortcut || event.defaultPrevented) return;
      event.preventDefault();
      openBar(shortcut === 'replace');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openBar]);

  const step = (by: 1 | -1): void => {
    if (matches.length === 0) return;
    const index = current === -1 ? 0 : (current + by + matches.length) % matches.length;
    setNotice(null);
    seek(placeOf(matches[index]));
  };

  const close = (): void => {
    setOpen(false);
    setNotice(null);
    const match = current === -1 ? undefined : matches[current];
    focusMatch(editor, match && units[match.paragraph], match);
  };

  // Esc in the body closes the bar too, leaving the selection where the writer put it.
  useEffect(() => (open
    ? editor.registerCommand(KEY_ESCAPE_COMMAND, () => { setOpen(false); setNotice(null); return false; }, COMMAND_PRIORITY_LOW)
    : undefined), [editor, open]);

  /** The body as it is now (a collaborator may have typed since the last paint) and its matches. */
  const fresh = () => {
    const now = readBodyUnits(editor);
    return { now, all: findMatches(now.map((u) => u.input.text), query) };
  };

  const replaceOne = (): void => {
    const target = current === -1 ? undefined : matches[current];
    if (!target || !canReplace) return;
    const key = units[target.paragraph]?.key;
    const { now, all } = fresh();
    const match = all.find((m) => now[m.paragraph]?.key === key && m.start === target.start);
    // The text moved under the match: the next paint shows where the matches are now.
    if (!match) return;
    replaceMatches(editor, now, [match], replacement);
    setNotice(null);
    seek({ key: key ?? null, paragraph: match.paragraph, offset: match.start + replacement.length });
  };

  const replaceAll = (): void => {
    if (!canReplace) return;
    const { now, all } = fresh();
    const replaced = replaceMatches(editor, now, all, replacement);
    // The update was discrete: the body already reads as replaced.
    const remaining = findMatches(readBodyUnits(editor).map((u) => u.input.text), query).length;
    setNotice({ text: `已替换 ${replaced} 处`, remaining, units });
  };

  const onOtherKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Ctrl+Z on a button of the bar (just after 全部替换) undoes in the body; the fields keep their own.
    if (event.target instanceof HTMLInputElement || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const redo = key === 'y' || (key === 'z' && event.shiftKey);
    if (key !== 'z' && key !== 'y') return;
    event.preventDefault();
    const button = event.target;
    editor.dispatchCommand(redo ? REDO_COMMAND : UNDO_COMMAND, undefined);
    // Undo puts the body's selection back, which takes the focus; it stays in the bar, for the next key.
    if (button instanceof HTMLElement) requestAnimationFrame(() => button.focus());
  };

  if (!open) return null;
  const count = notice?.text ?? (query === '' ? '' : matches.length === 0 ? '无匹配' : `第 ${current + 1} 处，共 ${matches.length} 处`);
  return (
    <FindBar
      draft={draft} replacement={replacement} count={count} countEmpty={notice === null && query !== '' && matches.length === 0}
      hasMatches={matches.length > 0} canReplace={canReplace} replacing={replacing}
      findRef={findRef} replaceRef={replaceRef}
      onQuery={setSearch} onReplacement={setReplacement}
      onToggleReplace={() => { setReplacing((r) => !r); setFocusTarget({ field: replacing ? 'find' : 'replace' }); }}
      onNext={() => step(1)} onPrevious={() => step(-1)}
      onReplace={replaceOne} onReplaceAll={replaceAll} onClose={close} onOtherKey={onOtherKey}
    />
  );
}
