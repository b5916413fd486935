/**
 * Tells whoever has a piece open that it was moved to the 回收站, and by whom, the moment the server
 * says so (a stateless message on the body's connection), and makes the page read-only at once; the
 * server refuses body edits to a deleted piece anyway. Restored, the page fetches the piece again.
 */
import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../shared/api';
import { DOCUMENT_REMOVED, parseCollabMessage, type DocumentRemovedMessage } from '../../../shared/collabMessages';
import { routeHref } from '../../app/router';
import type { EditorConnection } from '../editor';
import './documents.css';

function removalMessage(payload: string): DocumentRemovedMessage | null {
  const message = parseCollabMessage(payload);
  return message?.type === DOCUMENT_REMOVED ? message : null;
}

export function RemovedNotice({ connection, document, onDocument, onRestored }: {
  connection: EditorConnection | null;
  document: DocumentDetail;
  /** Replaces the page's document (here: the same, in the 回收站 and read-only). */
  onDocument: (document: DocumentDetail) => void;
  /** The piece came back from the 回收站: fetch it and its rights again. */
  onRestored: () => void;
}) {
  // Who moved it to the 回收站 while it was open here; null while it was not.
  const [removedBy, setRemovedBy] = useState<string | null>(null);

  useEffect(() => connection?.adapter.onStateless((payload) => {
    const message = removalMessage(payload);
    if (!message || message.documentId !== document.id) return;
    setRemovedBy(message.deleted ? message.byName : null);
    if (!message.deleted) onRestored();
  }), [connection, document.id, onRestored]);

  // Also when a fetch that started before the deletion answers after it.
  const { access } = document;
  const readOnly = document.deletedAt !== null && !access.canEdit && !access.canManage && !access.canComment;
  useEffect(() => {
    if (removedBy === null || readOnly) return;
    onDocument({
      ...document, deletedAt: document.deletedAt ?? new Date().toISOString(),
      access: { ...access, canEdit: false, canManage: false, canComment: false, canStartThreads: false, canResolveThreads: false },
    });
  }, [removedBy, readOnly, document, access, onDocument]);

  const inTrash = removedBy !== null || document.deletedAt !== null;
  return (
    <div aria-live="polite">
      {inTrash && (
        <p className="removed-notice">
          {removedBy !== null ? <>此文稿已被 <strong>{removedBy}</strong> 移入回收站。</> : '此文稿在回收站中。'}
          此处只能阅读。
          <a href={routeHref({ page: 'documents' })}>返回文稿</a>
        </p>
      )}
    </div>
  );
}
