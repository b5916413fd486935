/**
 * Proofreads the open document as the writer types: the body from the live editor (re-checked on
 * each update, incrementally: only changed paragraphs are analyzed again), the title and the
 * properties. Findings someone ignored (stored on the server, for everyone) are set aside.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { $createRangeSelection, $setSelection, type LexicalEditor } from 'lexical';
import type { DocumentDetail } from '../../../shared/api';
import type { IgnoredFinding, ProofingLists } from '../../../shared/proofing';
import { Proofreader, proofreadDocument, type PlacedFinding } from '../../../core/proofing';
import { ApiError } from '../../api/client';
import { proofingApi } from '../../api/proofing';
import { useLoad } from '../../ui/useLoad';
import { readBodyUnits, segmentAt, type BodyUnit } from './bodyUnits';

const NO_LISTS: ProofingLists = { phrasing: [], sensitive: [], leaders: [], typos: [] };
const NONE_IGNORED: IgnoredFinding[] = [];

export interface Proofing {
  /** Findings not ignored, in document order (title and properties first). */
  findings: PlacedFinding[];
  ignored: IgnoredFinding[];
  units: BodyUnit[];
  ready: boolean;
  /** Why the admin's lists or the ignored findings could not be loaded (then the built-in checks still run). */
  loadError: string | null;
  ignore(f: PlacedFinding): Promise<void>;
  /** Takes an ignore back: the finding is listed (and underlined) again while it still applies. */
  unignore(fingerprint: string): Promise<void>;
  /** Replaces the finding's text with a suggestion in the body: an ordinary edit. */
  apply(f: PlacedFinding, suggestion: string): boolean;
}

export function useProofing(editor: LexicalEditor | null, document: DocumentDetail): Proofing {
  const listsLoaded = useLoad(() => proofingApi.lists(), []);
  // Without the admin's lists the proofreader still runs its built-in checks.
  const lists = listsLoaded.data ?? (listsLoaded.error ? NO_LISTS : null);
  const ignoredLoaded = useLoad(async () => (await proofingApi.ignored(document.id)).ignored, [document.id]);
  const ignored = ignoredLoaded.data ?? NONE_IGNORED;
  const setIgnored = ignoredLoaded.update;
  const [units, setUnits] = useState<BodyUnit[]>([]);
  const proofreader = useMemo(() => (lists ? new Proofreader(lists) : null), [lists]);
  const frame = useRef(0);


  useEffect(() => {
    if (!editor) return undefined;
    const read = (): void => { frame.current = 0; setUnits(readBodyUnits(editor)); };
    read();
    const stop = editor.registerUpdateListener(() => { if (!frame.current) frame.current = requestAnimationFrame(read); });
    return () => { stop(); if (frame.current) cancelAnimationFrame(frame.current); frame.current = 0; };
  }, [editor]);

  const all = useMemo(() => (proofreader
    ? proofreadDocument(proofreader, { title: document.title, properties: document.properties, paragraphs: units.map((u) => u.input) })
    : []), [proofreader, document.title, document.properties, units]);
  const findings = useMemo(() => {
    const skip = new Set(ignored.map((i) => i.fingerprint));
    return all.filter((f) => !skip.has(f.fingerprint));
  }, [all, ignored]);

  const ignore = useCallback(async (f: PlacedFinding) => {
    const added = await proofingApi.ignore(document.id, f);
    setIgnored((list) => [...(list ?? []).filter((i) => i.fingerprint !== added.fingerprint), added]);
  }, [document.id, setIgnored]);

  const unignore = useCallback(async (fingerprint: string) => {
    try {
      await proofingApi.unignore(document.id, fingerprint);
    } catch (caught) {
      // Someone else took it back first: the outcome the user asked for.
      if (!(caught instanceof ApiError && caught.status === 404)) throw caught;
    }
    setIgnored((list) => (list ?? []).filter((i) => i.fingerprint !== fingerprint));
  }, [document.id, setIgnored]);

  const apply = useCallback((f: PlacedFinding, suggestion: string): boolean => {
    const unit = f.scope === 'body' ? units[f.paragraph] : undefined;
    if (!editor || !unit || unit.input.text !== f.text) return false;
    const from = segmentAt(unit, f.start, false);
    const to = segmentAt(unit, f.end, true);
    if (!from?.text || !to?.text) return false;
    editor.update(() => {
      const selection = $createRangeSelection();
      selection.anchor.set(from.key, f.start - from.start, 'text');
      selection.focus.set(to.key, f.end - to.start, 'text');
      $setSelection(selection);
      if (suggestion) selection.insertText(suggestion);
      else selection.removeText();
    }, { tag: 'proofing' });
    return true;
  }, [editor, units]);

  return { findings, ignored, units, ready: proofreader !== null, loadError: listsLoaded.error ?? ignoredLoaded.error, ignore, unignore, apply };
}
