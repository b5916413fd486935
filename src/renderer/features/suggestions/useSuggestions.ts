/** The pending suggestions (修订) of the live body, in document order, kept current as it changes. */
import { useEffect, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import { $listSuggestions, type SuggestionEntry } from '../../../core/suggestions/operations';

const LIST_DELAY_MS = 120;

function sameEntries(a: readonly SuggestionEntry[], b: readonly SuggestionEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => {
    const other = b[i];
    return entry.id === other.id && entry.kind === other.kind && entry.text === other.text
      && entry.paragraphIndex === other.paragraphIndex && entry.at === other.at && entry.authorName === other.authorName;
  });
}

/** The body's pending suggestions; [] without an editor. A new array only when the list changed. */
export function useSuggestions(editor: LexicalEditor | null): SuggestionEntry[] {
  const [entries, setEntries] = useState<SuggestionEntry[]>([]);
  useEffect(() => {
    if (!editor) {
      setEntries([]);
      return undefined;
    }
    const read = (): void => {
      const next = editor.getEditorState().read($listSuggestions);
      setEntries((prev) => (sameEntries(prev, next) ? prev : next));
    };
    read();
    // Read once typing pauses, not on every keystroke.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      // A selection move changes nothing listed.
      if (timer !== null || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      timer = setTimeout(() => { timer = null; read(); }, LIST_DELAY_MS);
    });
    return () => {
      unregister();
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor]);
  return entries;
}

/** The authors of `entries`, each once, in order of their first change. */
export function authorsOf(entries: readonly SuggestionEntry[]): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const entry of entries) if (!seen.has(entry.authorId)) seen.set(entry.authorId, entry.authorName);
  return [...seen].map(([id, name]) => ({ id, name }));
}
