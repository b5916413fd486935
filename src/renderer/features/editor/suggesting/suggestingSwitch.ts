/**
 * The document's 修订 switch, as Word's 修订 "for everyone": kept in the body's Y.Doc beside the
 * body, so every open copy (and an offline copy) shares it, and while it is on every writer's edits
 * are marks. Lexical's binding and its undo history watch only the body, so switching is neither
 * part of the text nor undone with it.
 */
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';

const SETTINGS = 'desk-settings';
const SUGGESTING = 'suggesting';

/** Whether 修订 is on for the document `doc`. */
export function readSuggestingSwitch(doc: Y.Doc): boolean {
  return doc.getMap(SETTINGS).get(SUGGESTING) === true;
}

/** Turns the document's 修订 on or off (one Yjs change, sent to everyone like an edit). */
export function setSuggestingSwitch(doc: Y.Doc, on: boolean): void {
  doc.getMap(SETTINGS).set(SUGGESTING, on);
}

/** The document's 修订 switch and a toggle; off and inert without a document. */
export function useSuggestingSwitch(doc: Y.Doc | null): [boolean, () => void] {
  const [on, setOn] = useState(() => (doc ? readSuggestingSwitch(doc) : false));
  useEffect(() => {
    if (!doc) {
      setOn(false);
      return undefined;
    }
    const settings = doc.getMap(SETTINGS);
    const read = (): void => setOn(readSuggestingSwitch(doc));
    read();
    settings.observe(read);
    return () => settings.unobserve(read);
  }, [doc]);
  const toggle = useCallback(() => {
    if (doc) setSuggestingSwitch(doc, !readSuggestingSwitch(doc));
  }, [doc]);
  return [on, toggle];
}
