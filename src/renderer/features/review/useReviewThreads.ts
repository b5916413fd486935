/**
 * The review threads of a piece, live: the Y.Doc `<id>/review`, opened on the body's socket, and the
 * threads read from it after every change.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { readThreads, type ReviewThread } from '../../../core/review/threads';
import type { HocuspocusAdapter } from '../editor/collab/hocuspocusAdapter';

export interface ReviewThreads {
  doc: Y.Doc | null;
  threads: ReviewThread[];
  synced: boolean;
  writable: boolean;
}

const EMPTY: ReviewThreads = { doc: null, threads: [], synced: false, writable: false };

export function useReviewThreads(adapter: HocuspocusAdapter | null, documentId: string, enabled: boolean): ReviewThreads {
  const [state, setState] = useState<ReviewThreads>(EMPTY);

  useEffect(() => {
    if (!adapter || !enabled) {
      setState(EMPTY);
      return undefined;
    }
    const doc = new Y.Doc();
    const companion = adapter.openCompanion(`${documentId}/review`, doc);
    const refresh = (): void => setState({
      doc, threads: readThreads(doc), synced: companion.isSynced(), writable: companion.isWritable(),
    });
    doc.on('update', refresh);
    const stop = companion.subscribe(refresh);
    refresh();
    return () => {
      stop();
      doc.off('update', refresh);
      companion.destroy();
      doc.destroy();
    };
  }, [adapter, documentId, enabled]);

  return state;
}
