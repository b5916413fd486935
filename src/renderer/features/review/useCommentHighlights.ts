/**
 * Highlights the text each open thread is anchored to, with the CSS Custom Highlight API: ranges are
 * recomputed after every render of the body, and neither the body nor its Y.Doc is touched.
 */
import { useEffect } from 'react';
import type { CommentThreadView } from '../../../shared/review';
import type { EditorConnection } from '../editor';
import { rangeOfAnchor } from './anchors';

export const COMMENT_HIGHLIGHT = 'review-comment';
export const ACTIVE_COMMENT_HIGHLIGHT = 'review-comment-active';

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** The current DOM range of one thread's anchor (for scrolling to it). */
export function threadRange(connection: EditorConnection, thread: CommentThreadView): Range | null {
  return rangeOfAnchor(connection.editor, connection.adapter.document, thread.anchor);
}

export function useCommentHighlights(connection: EditorConnection | null, threads: readonly CommentThreadView[], activeId: string | null): void {
  useEffect(() => {
    if (!connection || !supported()) return undefined;
    const { editor } = connection;
    let frame = 0;
    const paint = (): void => {
      frame = 0;
      const open: Range[] = [];
      const active: Range[] = [];
      for (const thread of threads) {
        if (thread.resolved && thread.id !== activeId) continue;
        const range = threadRange(connection, thread);
        if (!range) continue;
        (thread.id === activeId ? active : open).push(range);
      }
      CSS.highlights.set(COMMENT_HIGHLIGHT, new Highlight(...open));
      CSS.highlights.set(ACTIVE_COMMENT_HIGHLIGHT, new Highlight(...active));
    };
    const schedule = (): void => { if (!frame) frame = requestAnimationFrame(paint); };
    paint();
    const stop = editor.registerUpdateListener(schedule);
    return () => {
      stop();
      if (frame) cancelAnimationFrame(frame);
      CSS.highlights.delete(COMMENT_HIGHLIGHT);
      CSS.highlights.delete(ACTIVE_COMMENT_HIGHLIGHT);
    };
  }, [connection, threads, activeId]);
}
