/**
 * The document workspace: one document's page, assembling the head (标题, presence, 发表目标), the
 * workflow bar, the collaborative editor, the review panel and the side panels (审阅, 审校, 协作者, Word,
 * 属性, 信息). It owns the document's detail and tells the panels when to fetch theirs again.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DocumentDetail } from '../../../shared/api';
import { KIND_LABELS } from '../../../core/domain/kinds';
import { ApiError } from '../../api/client';
import { deskApi } from '../../api/desk';
import { routeHref } from '../../app/router';
import { useCurrentSession } from '../../app/session';
import { formatFullTime } from '../../ui/format';
import { RefusedEditsNotice } from '../review/RefusedEditsNotice';
import { ReviewPanel } from '../review/ReviewPanel';
import { useRefusedEdits } from '../review/useRefusedEdits';
import { useWorkflow } from '../review/useWorkflow';
import { WorkflowBar } from '../review/WorkflowBar';
import { ErrorText, Loading } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { CollaboratorsPanel } from './CollaboratorsPanel';
import { DeskEditor, PresenceAvatars, type EditorConnection } from '../editor';
import { TitleField } from './TitleField';
import { TargetTags } from '../ledger/TargetTags';
import { DocxActions } from '../docx/DocxActions';
import { PropertiesPanel } from '../properties/PropertiesPanel';
import { LineagePanel } from '../lineage/LineagePanel';
import { ProofingPanel } from '../proofing/ProofingPanel';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { SuggestionMargin } from '../suggestions/SuggestionMargin';
import { useSuggestions } from '../suggestions/useSuggestions';
import { pendingSummary } from '../../../shared/suggestions';
import { RemovedNotice } from '../documents/RemovedNotice';
import { DOCUMENT_CHANGED, parseCollabMessage } from '../../../shared/collabMessages';
import { rememberDocument, rememberedDocument } from '../auth/offlineCopies';
import './workspace.css';
import { STATE_NAMES } from '../../../core/domain/workflow';

/** The document as this browser last fetched it, when the server cannot be reached now. */
function offlineDetail(userId: string, documentId: string, error: unknown): DocumentDetail | null {
  if (!(error instanceof ApiError) || error.code !== 'network') return null;
  const kept = rememberedDocument(userId, documentId);
  // Written by this app from a DocumentDetail; the id and access check guard against stale shapes.
  if (typeof kept !== 'object' || kept === null || Reflect.get(kept, 'id') !== documentId
    || typeof Reflect.get(kept, 'access') !== 'object') return null;
  return kept as DocumentDetail;
}

const noConnection = (): (() => void) => () => undefined;

/** Whether the body is in the editor (from the server or the offline copy), so what it holds is current. */
function useBodyOpen(connection: EditorConnection | null): boolean {
  return useSyncExternalStore(connection?.adapter.subscribe ?? noConnection, () => {
    const state = connection?.adapter.getOpenState();
    return state === 'open' || state === 'offline-copy';
  });
}

/** Whether the document's collaboration connection is up, so its stateless messages arrive. */
function useConnectionLive(connection: EditorConnection | null): boolean {
  return useSyncExternalStore(connection?.adapter.subscribe ?? noConnection,
    () => connection !== null && connection.adapter.getConnectionState() !== 'offline');
}

export function WorkspacePage({ documentId }: { documentId: string }) {
  const { user, token } = useCurrentSession();
  const loaded = useLoad(async () => {
    try {
      const detail = await deskApi.getDocument(documentId);
      rememberDocument(user.id, detail);
      return detail;
    } catch (caught) {
      // Out of reach: a document opened here before opens from its offline copy (the body says 离线).
      const kept = offlineDetail(user.id, documentId, caught);
      if (kept) return kept;
      if (caught instanceof ApiError && caught.code === 'network') {
        throw new ApiError('network', '无法连接服务器，本机也没有这篇文稿的离线副本，暂时无法打开。', 0);
      }
      throw caught;
    }
  }, [documentId, user.id]);
  const document = loaded.data;
  const { update, reload } = loaded;
  const setDocument = useCallback((detail: DocumentDetail) => update(() => detail), [update]);
  const [error, setError] = useState<string | null>(null);
  const [connection, setConnection] = useState<EditorConnection | null>(null);
  // Tells the review panels to fetch theirs again whenever the document is.
  const [reviewKey, setReviewKey] = useState(0);
  const keep = useCallback((detail: DocumentDetail) => {
    rememberDocument(user.id, detail);
    setDocument(detail);
  }, [user.id, setDocument]);
  // The workflow decides who may edit: after a transition (anyone's), fetch the access again.
  const reloadDocument = useCallback(() => {
    reload();
    setReviewKey((k) => k + 1);
  }, [reload]);
  const live = useConnectionLive(connection);
  const workflow = useWorkflow(documentId, reloadDocument, live);
  const writer = document ? document.ownerId === user.id || document.collaborators.some((c) => c.id === user.id) : false;
  const refused = useRefusedEdits(connection, documentId, user.id, document?.title ?? '', writer);
  // The header counts the 修订 of the open body as they are made; the server's count until it is in.
  const liveEntries = useSuggestions(connection?.editor ?? null);
  const liveSuggestions = useMemo(() => pendingSummary(liveEntries), [liveEntries]);
  const bodyOpen = useBodyOpen(connection);

  // Someone else renamed the piece, changed its properties or moved it on: fetch it again.
  const reloadWorkflow = workflow.reload;
  // Back after losing the connection: what the server said meanwhile never arrived.
  const seenLive = useRef(false);
  useEffect(() => {
    if (!live) return;
    if (seenLive.current) {
      reloadDocument();
      void reloadWorkflow();
    }
    seenLive.current = true;
  }, [live, reloadDocument, reloadWorkflow]);
  useEffect(() => connection?.adapter.onStateless((payload) => {
    if (parseCollabMessage(payload)?.type === DOCUMENT_CHANGED) {
      reloadDocument();
      void reloadWorkflow();
    }
  }), [connection, reloadDocument, reloadWorkflow]);

  useEffect(() => {
    if (document) window.document.title = `${document.title} - 文稿台`;
    return () => { window.document.title = '文稿台'; };
  }, [document]);

  if (!document && loaded.error) {
    return (
      <main className="page">
        <ErrorText message={loaded.error} />
        <div className="page-actions">
          <button type="button" className="button" onClick={reload}>重试</button>
          <a className="button" href={routeHref({ page: 'documents' })}>返回文稿</a>
        </div>
      </main>
    );
  }
  if (!document) return <main className="page"><Loading /></main>;
  // The holder of the current checkpoint changes the body only by 修订 (the server judges each edit).
  const holder = !document.access.canEdit && !document.deletedAt && workflow.status?.state === 'review'
    && workflow.status.assignee?.id === user.id;
  const headerStatus = workflow.status && {
    ...workflow.status,
    allowedActions: document.deletedAt ? [] : workflow.status.allowedActions,
    suggestions: bodyOpen ? liveSuggestions : workflow.status.suggestions,
  };

  return (
    <main className="editor-page">
      <div className="editor-main">
        <div className="editor-head">
          <a className="back-link" href={routeHref({ page: 'documents' })} aria-label="返回文稿">‹ 文稿</a>
          <TitleField document={document} onSaved={(d) => { keep(d); setError(null); }} onError={setError} />
          <PresenceAvatars connection={connection} userId={user.id} />
          <span className="kind-tag">{KIND_LABELS[document.kind] ?? document.kind}</span>
          <TargetTags documentId={document.id} canEdit={document.access.canEdit} />
        </div>
        {headerStatus && (
          <WorkflowBar documentId={document.id} status={headerStatus}
            onChanged={() => { reloadDocument(); void workflow.reload(); }} />
        )}
        <ErrorText message={error ?? loaded.error} />
        <RefusedEditsNotice refused={refused} />
        <RemovedNotice connection={connection} document={document} onDocument={setDocument} onRestored={reloadDocument} />
        {refused.resetting ? <Loading label="正在另存离线修改…" /> : <DeskEditor
          key={refused.generation}
          onReady={setConnection}
          documentId={document.id}
          userId={user.id}
          displayName={user.displayName}
          token={token}
          editable={document.access.canEdit || holder}
          suggestOnly={holder}
        />}
      </div>
      <ReviewPanel document={document} status={workflow.status} connection={connection} user={user}
        reloadKey={reviewKey} onContentRestored={() => void workflow.reload()} />
      <aside className="editor-side" aria-label="文稿信息">
        <SuggestionsPanel connection={connection} canResolve={(document.access.canEdit || holder) && !document.deletedAt} />
        <SuggestionMargin connection={connection} />
        <ProofingPanel document={document} connection={connection} />
        <CollaboratorsPanel document={document} onChanged={setDocument} />
        <DocxActions document={document} pendingSuggestions={headerStatus?.suggestions.count ?? 0} />
        <PropertiesPanel document={document} onSaved={setDocument} />
        <LineagePanel document={document} />
        <section className="side-section" aria-labelledby="info-title">
          <h2 id="info-title" className="side-title">信息</h2>
          <dl className="facts">
            <dt>类型</dt><dd>{KIND_LABELS[document.kind] ?? document.kind}</dd>
            <dt>状态</dt><dd>{STATE_NAMES[document.state]}</dd>
            <dt>创建人</dt><dd>{document.ownerName}</dd>
            <dt>创建时间</dt><dd>{formatFullTime(document.createdAt)}</dd>
            <dt>最后修改</dt><dd>{formatFullTime(document.updatedAt)}</dd>
          </dl>
        </section>
      </aside>
    </main>
  );
}
