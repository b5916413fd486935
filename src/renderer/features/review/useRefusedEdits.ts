/**
 * Refused offline edits are never lost silently. When the server refuses the body edits this client
 * kept while offline (the piece went into review meanwhile), it says so with a stateless message;
 * then the local body, with those edits, is saved as a new draft owned by this user (POST /rescue),
 * the local offline copy of the original is deleted, and the editor reconnects with a clean copy,
 * so nothing is sent again.
 */
import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { EDITS_REFUSED, parseCollabMessage } from '../../../shared/collabMessages';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { notify } from '../../platform/desk';
import { offlineCopyName } from '../auth/offlineCopies';
import type { EditorConnection } from '../editor';

export interface RefusedEdits {
  /** The editor is being reset: unmount it. */
  resetting: boolean;
  /** Bumped after each reset: the key of the editor. */
  generation: number;
  rescued: { id: string; title: string } | null;
  error: string | null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function isRefusal(payload: string): boolean {
  return parseCollabMessage(payload)?.type === EDITS_REFUSED;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}

/**
 * `writer` says whether this user writes the piece (owner or collaborator): only a writer's refused
 * edits can be kept as a draft of theirs. Anyone else's (the holder of a checkpoint, whose edit was not
 * a 修订 the server accepts) are dropped with a notice, and the editor reloads the stored body.
 */
export function useRefusedEdits(connection: EditorConnection | null, documentId: string, userId: string, title: string, writer: boolean): RefusedEdits {
  const [state, setState] = useState<RefusedEdits>({ resetting: false, generation: 0, rescued: null, error: null });
  const handling = useRef(false);
  const titleRef = useRef(title);
  titleRef.current = title;

  useEffect(() => {
    if (!connection) return undefined;
    const { adapter } = connection;
    return adapter.onStateless((payload) => {
      if (handling.current || !isRefusal(payload)) return;
      handling.current = true;
      const local = toBase64(Y.encodeStateAsUpdate(adapter.document));
      // Unmount the editor first: it stops resending and closes the offline copy.
      const dropped = '这次修改未能写入：审核中只能以修订方式修改正文，正文已重新载入。';
      setState((s) => ({ ...s, resetting: true, error: writer ? null : dropped }));
      if (!writer) {
        void (async () => {
          await deleteDatabase(offlineCopyName(userId, documentId));
          handling.current = false;
          setState((s) => ({
            resetting: false, generation: s.generation + 1, rescued: s.rescued,
            error: dropped,
          }));
        })();
        return;
      }
      void (async () => {
        let rescued: RefusedEdits['rescued'] = null;
        let error: string | null = null;
        try {
          const result = await reviewApi.rescue(documentId, local);
          rescued = { id: result.id, title: result.title ?? `${titleRef.current}（离线修改）` };
          void notify('离线修改已另存为新草稿', `你离线时对《${titleRef.current}》的修改未能写入，已另存为《${rescued.title}》。`);
        } catch (caught) {
          error = `你离线时的修改未能写入，另存也失败了：${errorMessage(caught)}`;
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
        // Without a rescued copy the local one is the only place the edits live: keep it, and do not
        // try again on every reconnect.
        if (rescued) {
          await deleteDatabase(offlineCopyName(userId, documentId));
          handling.current = false;
        }
        setState((s) => ({ resetting: false, generation: s.generation + 1, rescued: rescued ?? s.rescued, error }));
      })();
    });
  }, [connection, documentId, userId, writer]);

  return state;
}
