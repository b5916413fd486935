/** The review column beside the body: 批注, 版本记录 and 审核记录, one tab each. */
import { useEffect, useId, useState } from 'react';
import type { DocumentDetail, User } from '../../../shared/api';
import type { WorkflowStatus } from '../../../shared/review';
import { useCommand } from '../../platform/commands';
import { isDesktop } from '../../platform/desk';
import type { EditorConnection } from '../editor';
import { SaveVersionDialog, VersionsPanel } from '../versions/VersionsPanel';
import { CommentsPanel, type CommentRights } from './CommentsPanel';
import { HistoryPanel } from './HistoryPanel';
import { useCommentHighlights } from './useCommentHighlights';
import { useReviewThreads } from './useReviewThreads';

type Tab = 'comments' | 'versions' | 'history';
const TAB_NAMES: Record<Tab, string> = { comments: '批注', versions: '版本记录', history: '审核记录' };

/** The access fields for review threads may be missing from a copy of the document kept before they existed. */
type ReviewAccess = Omit<DocumentDetail['access'], 'canComment' | 'canReadComments' | 'canStartThreads' | 'canResolveThreads'>
  & Partial<Pick<DocumentDetail['access'], 'canComment' | 'canReadComments' | 'canStartThreads' | 'canResolveThreads'>>;

export function ReviewPanel({ document, status, connection, user, reloadKey, onContentRestored }: {
  document: DocumentDetail;
  status: WorkflowStatus | null;
  connection: EditorConnection | null;
  user: User;
  reloadKey: number;
  onContentRestored: () => void;
}) {
  const [tab, setTab] = useState<Tab>('comments');
  const [saving, setSaving] = useState(false);
  const [versionsKey, setVersionsKey] = useState(0);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const baseId = useId();

  const access: ReviewAccess = document.access;
  const isWriter = document.ownerId === user.id || document.collaborators.some((c) => c.id === user.id);
  const isHolder = status?.state === 'review' && status.assignee?.id === user.id;
  const canComment = access.canComment ?? (isWriter || isHolder);
  const canReadComments = access.canReadComments ?? canComment;
  // The server decides each call; these only choose which buttons to show.
  const rights: CommentRights = {
    canStart: access.canStartThreads ?? (canComment && isHolder),
    canReply: canComment,
    canResolve: access.canResolveThreads ?? (canComment && (isWriter || isHolder)),
  };

  const review = useReviewThreads(connection?.adapter ?? null, document.id, canReadComments, reloadKey);
  useCommentHighlights(connection, review.threads, activeThread);

  const openSave = (): void => { setTab('versions'); setSaving(true); };
  useCommand('save-version', openSave);
  useEffect(() => {
    if (isDesktop()) return undefined; // the desktop menu's accelerator sends 'save-version'
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        setTab('versions');
        setSaving(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const openCount = review.threads.filter((t) => !t.resolved).length;

  return (
    <aside className="review-side" aria-label="审核">
      <div className="review-tabs" role="tablist" aria-label="审核">
        {(Object.keys(TAB_NAMES) as Tab[]).map((t) => (
          <button key={t} type="button" role="tab" id={`${baseId}-${t}`} aria-selected={tab === t}
            aria-controls={`${baseId}-${t}-panel`} className="review-tab" onClick={() => setTab(t)}>
            {TAB_NAMES[t]}
            {t === 'comments' && openCount > 0 && <span className="tab-count" aria-label={`${openCount} 条未解决`}>{openCount}</span>}
          </button>
        ))}
      </div>
      <div className="review-tab-panel" role="tabpanel" id={`${baseId}-${tab}-panel`} aria-labelledby={`${baseId}-${tab}`}>
        {tab === 'comments' && (canReadComments
          ? <CommentsPanel documentId={document.id} connection={connection} review={review} user={user} rights={rights}
              activeId={activeThread} onActivate={setActiveThread} />
          : <p className="muted-state">无权查看批注</p>)}
        {tab === 'versions' && (
          <VersionsPanel documentId={document.id} reloadKey={reloadKey + versionsKey} canRestore={access.canEdit}
            onSave={() => setSaving(true)} onRestored={onContentRestored} />
        )}
        {tab === 'history' && <HistoryPanel documentId={document.id} reloadKey={reloadKey} />}
      </div>
      {saving && (
        <SaveVersionDialog documentId={document.id} onClose={() => setSaving(false)}
          onSaved={() => { setSaving(false); setVersionsKey((k) => k + 1); }} />
      )}
    </aside>
  );
}
