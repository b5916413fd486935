/**
 * The CPU-heavy part of 修订 on the server, run in the worker pool (heavyTasks.ts): judging a holder's
 * update against the suggestion rule, listing the pending suggestions of a body, and making the
 * Yjs change that accepts or rejects some of them. Each takes and returns structured-cloneable values.
 */
import * as Y from 'yjs';
import { createHeadlessEditor } from '@lexical/headless';
import type { SerializedEditorState } from 'lexical';
import { bindHeadlessEditor } from '../../core/editor/headless';
import { DESK_NODES } from '../../core/editor/nodes';
import { judgeSuggestionUpdate, type SuggestionDecision, type SuggestionVerdict } from '../../core/suggestions/suggestionRule';
import {
  $acceptAllSuggestions, $acceptSuggestion, $listSuggestions, $rejectAllSuggestions, $rejectSuggestion,
} from '../../core/suggestions/operations';
import type { SuggestionItem } from '../../shared/suggestions';

/** Reads a body's Lexical JSON from a Yjs state (the worker's cached reader). */
export type ReadJson = (state: Uint8Array) => SerializedEditorState;

/** A holder's incoming update to judge against the live state. */
export interface JudgeRequest { live: Uint8Array; update: Uint8Array; holderId: string }

/**
 * The verdict on `update` applied to `live`, by the suggestion rule. An update that Yjs cannot
 * integrate yet (it builds on an earlier one the server refused) is refused as a direct edit: its
 * content could never be judged.
 */
export function judgeIncomingUpdate(request: JudgeRequest, read: ReadJson): SuggestionVerdict {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, request.live);
    Y.applyUpdate(copy, request.update);
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) return { allowed: false, reason: 'direct-edit' };
    return judgeSuggestionUpdate(read(request.live), read(Y.encodeStateAsUpdate(copy)), { id: request.holderId });
  } finally {
    copy.destroy();
  }
}

/** The pending suggestions of a body's Lexical JSON, in document order. */
export function listSuggestionsOf(json: SerializedEditorState): SuggestionItem[] {
  const editor = createHeadlessEditor({ nodes: [...DESK_NODES], onError: (error) => { throw error; } });
  editor.setEditorState(editor.parseEditorState(json));
  return editor.getEditorState().read(() => $listSuggestions())
    .map(({ id, kind, authorId, authorName, at, text, paragraphIndex }) => ({ id, kind, authorId, authorName, at, text, paragraphIndex }));
}

/** Which suggestions to accept or reject: by id, one author's, or all. */
export interface ResolveRequest {
  live: Uint8Array;
  accept: boolean;
  ids?: readonly string[];
  authorId?: string;
}

/** One decision per suggestion of `before` that is gone from `after`. */
function decidedBetween(before: readonly Omit<SuggestionItem, 'paragraphIndex'>[], after: readonly Pick<SuggestionItem, 'id'>[], accepted: boolean): SuggestionDecision[] {
  const left = new Set(after.map((s) => s.id));
  const byId = new Map<string, SuggestionDecision>();
  for (const { id, kind, authorId, authorName, at, text } of before) {
    if (left.has(id)) continue;
    const known = byId.get(id);
    if (known) known.text += text;
    else byId.set(id, { id, kind, authorId, authorName, at, text, accepted });
  }
  return [...byId.values()];
}

/** The Yjs change that resolves the chosen suggestions of `live`, how many it resolved (0: no change), and which. */
export function resolveSuggestionsUpdate(request: ResolveRequest): { update: Uint8Array; resolved: number; decided: SuggestionDecision[] } {
  const copy = new Y.Doc();
  const { editor, dispose } = bindHeadlessEditor(copy);
  try {
    Y.applyUpdate(copy, request.live);
    const before = Y.encodeStateVector(copy);
    let resolved = 0;
    let decided: SuggestionDecision[] = [];
    editor.update(() => {
      const pending = $listSuggestions();
      if (request.ids) {
        const one = request.accept ? $acceptSuggestion : $rejectSuggestion;
        resolved = [...new Set(request.ids)].filter((id) => one(id)).length;
      } else {
        const filter = request.authorId !== undefined ? { authorId: request.authorId } : {};
        resolved = request.accept ? $acceptAllSuggestions(filter) : $rejectAllSuggestions(filter);
      }
      decided = decidedBetween(pending, $listSuggestions(), request.accept);
    }, { discrete: true });
    return { update: resolved > 0 ? Y.encodeStateAsUpdate(copy, before) : new Uint8Array(), resolved, decided };
  } finally {
    dispose();
    copy.destroy();
  }
}
