/**
 * 批注: review threads beside the text. The holder of the checkpoint selects text in the (locked)
 * body and adds a comment; everyone who may comment replies, writers and the holder resolve (解决)
 * or reopen (重新打开批注), and each author edits (编辑) or deletes (删除) their own entries. Every
 * change goes to the server, which stamps who and when; anchors are relative positions into the body.
 */
import { useState, type ReactNode } from 'react';
import type { User } from '../../../shared/api';
import type { CommentEntryView, CommentThreadView } from '../../../shared/review';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { formatTime } from '../../ui/format';
import { EmptyState, ErrorText } from '../../ui/Notice';
import type { EditorConnection } from '../editor';
import { anchorFromSelection } from './anchors';
import { threadRange } from './useCommentHighlights';
import type { ReviewThreads } from './useReviewThreads';

export interface CommentRights {
  /** May open a thread (the holder of the checkpoint). */
  canStart: boolean;
  /** May reply, and edit or delete their own entries. */
  canReply: boolean;
  canResolve: boolean;
}

/** Runs one call to the server at a time, with a busy flag and its error for the user. */
function useCall(): {
  busy: boolean;
  error: string | null;
  clear: () => void;
  /** The call's result, or null when it failed (the error is then shown). */
  run: <T>(call: () => Promise<T>) => Promise<{ value: T } | null>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T,>(call: () => Promise<T>): Promise<{ value: T } | null> => {
    setBusy(true);
    setError(null);
    try {
      return { value: await call() };
    } catch (caught) {
      setError(errorMessage(caught));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, clear: () => setError(null), run };
}

function TextForm({ label, submitLabel, initial = '', rows = 2, busy, onCancel, onSubmit }: {
  label: string;
  submitLabel: string;
  initial?: string;
  rows?: number;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}) {
  const [text, setText] = useState(initial);
  const ready = text.trim() !== '' && !busy;
  return (
    <form className="reply-form" onSubmit={(e) => { e.preventDefault(); if (ready) onSubmit(text.trim()); }}>
      <textarea className="textarea" rows={rows} aria-label={label} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      <div className="row-buttons">
        <button type="button" className="button small ghost" onClick={onCancel}>取消</button>
        <button type="submit" className="button small primary" disabled={!ready}>{submitLabel}</button>
      </div>
    </form>
  );
}

/** One entry of a thread; its author may edit (编辑) or delete (删除) it. */
function ThreadEntry({ documentId, threadId, entry, mine, onChanged }: {
  documentId: string;
  threadId: string;
  entry: CommentEntryView;
  /** The user wrote it and may still change it. */
  mine: boolean;
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const call = useCall();
  const save = async (text: string): Promise<void> => {
    if (await call.run(() => reviewApi.editEntry(documentId, threadId, entry.id, text))) { setMode('view'); onChanged(); }
  };
  const remove = async (): Promise<void> => {
    if (await call.run(() => reviewApi.deleteEntry(documentId, threadId, entry.id))) { setMode('view'); onChanged(); }
  };

  let content: ReactNode;
  if (entry.deleted) content = <p className="thread-text deleted">此条批注已删除</p>;
  else if (mode === 'edit') {
    content = <TextForm label="编辑内容" submitLabel="保存" initial={entry.text} busy={call.busy} onCancel={() => setMode('view')} onSubmit={(t) => void save(t)} />;
  } else content = <p className="thread-text">{entry.text}</p>;

  return (
    <li className="thread-comment">
      <div className="thread-meta">
        <span className="thread-author">{entry.authorName}</span>
        <time dateTime={entry.at}>{formatTime(entry.at)}</time>
        {entry.editedAt && !entry.deleted && <span className="thread-edited" title={`编辑于 ${formatTime(entry.editedAt)}`}>已编辑</span>}
        {entry.migrated && <span className="thread-legacy" title="升级前写入的批注：作者由当时的客户端填写，服务器未曾核实">旧版</span>}
      </div>
      {content}
      {mine && !entry.deleted && mode === 'view' && (
        <div className="entry-actions">
          <button type="button" className="button small ghost" onClick={() => setMode('edit')}>编辑</button>
          <button type="button" className="button small ghost" onClick={() => setMode('delete')}>删除</button>
        </div>
      )}
      {mode === 'delete' && (
        <div className="entry-confirm" role="group" aria-label="删除批注">
          <span>删除这条批注？</span>
          <button type="button" className="button small ghost" onClick={() => setMode('view')}>取消</button>
          <button type="button" className="button small danger" disabled={call.busy} onClick={() => void remove()}>确定删除</button>
        </div>
      )}
      <ErrorText message={call.error} />
    </li>
  );
}

function ThreadCard({ documentId, thread, anchored, user, rights, active, onActivate, onChanged }: {
  documentId: string;
  thread: CommentThreadView;
  /** False when the commented text is gone from the body. */
  anchored: boolean;
  user: User;
  rights: CommentRights;
  active: boolean;
  onActivate: () => void;
  onChanged: () => void;
}) {
  const [replying, setReplying] = useState(false);
  const call = useCall();

  const sendReply = async (text: string): Promise<void> => {
    if (await call.run(() => reviewApi.reply(documentId, thread.id, text))) { setReplying(false); onChanged(); }
  };
  const setResolved = async (resolved: boolean): Promise<void> => {
    if (await call.run(() => reviewApi.setResolved(documentId, thread.id, resolved))) onChanged();
  };

  return (
    <li className={`thread${thread.resolved ? ' resolved' : ''}${active ? ' active' : ''}`} aria-label={`批注：${thread.quote}`}>
      <button type="button" className="thread-quote" onClick={onActivate} title="在正文中定位">
        {thread.quote}
      </button>
      {!anchored && <p className="thread-state gone">批注的原文已被删除</p>}
      <ol className="thread-comments">
        {thread.comments.map((entry) => (
          <ThreadEntry key={entry.id} documentId={documentId} threadId={thread.id} entry={entry}
            mine={rights.canReply && entry.authorId === user.id} onChanged={onChanged} />
        ))}
      </ol>
      {thread.resolved && (
        <p className="thread-state">已解决{thread.resolvedBy && <span className="thread-resolver">（{thread.resolvedBy.name}）</span>}</p>
      )}
      {(rights.canReply || rights.canResolve) && (
        <div className="thread-actions">
          {replying ? (
            <TextForm label="回复内容" submitLabel="回复" busy={call.busy} onCancel={() => setReplying(false)} onSubmit={(t) => void sendReply(t)} />
          ) : (
            <>
              {rights.canReply && <button type="button" className="button small ghost" onClick={() => setReplying(true)}>回复</button>}
              {rights.canResolve && (thread.resolved ? (
                <button type="button" className="button small ghost" disabled={call.busy} onClick={() => void setResolved(false)}>重新打开批注</button>
              ) : (
                <button type="button" className="button small ghost" disabled={call.busy} onClick={() => void setResolved(true)}>解决</button>
              ))}
            </>
          )}
        </div>
      )}
      <ErrorText message={call.error} />
    </li>
  );
}

export function CommentsPanel({ documentId, connection, review, user, rights, activeId, onActivate }: {
  documentId: string;
  connection: EditorConnection | null;
  review: ReviewThreads;
  user: User;
  rights: CommentRights;
  activeId: string | null;
  onActivate: (id: string | null) => void;
}) {
  const [draft, setDraft] = useState<NonNullable<ReturnType<typeof anchorFromSelection>> | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const call = useCall();
  const open = review.threads.filter((t) => !t.resolved);
  const resolved = review.threads.filter((t) => t.resolved);

  const start = () => {
    if (!connection) return;
    const picked = anchorFromSelection(connection.editor, connection.adapter.document);
    if (!picked) { setHint('请先在正文中选中要批注的文字'); return; }
    setHint(null);
    setDraft(picked);
  };

  const add = async (text: string): Promise<void> => {
    if (!draft) return;
    const created = await call.run(() => reviewApi.startThread(documentId, { anchor: draft.anchor, quote: draft.quote, text }));
    if (!created) return;
    setDraft(null);
    onActivate(created.value.id);
    review.reload();
  };

  const activate = (thread: CommentThreadView) => {
    onActivate(thread.id);
    const range = connection && threadRange(connection, thread);
    const element = range?.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const isAnchored = (thread: CommentThreadView): boolean => !connection || threadRange(connection, thread) !== null;
  const card = (t: CommentThreadView) => (
    <ThreadCard key={t.id} documentId={documentId} thread={t} anchored={isAnchored(t)} user={user} rights={rights}
      active={t.id === activeId} onActivate={() => activate(t)} onChanged={review.reload} />
  );

  return (
    <div className="comments-panel">
      {rights.canStart && !draft && (
        <div className="panel-actions">
          <button type="button" className="button small primary"
            // Keep the body's selection: it is what the comment is about.
            onMouseDown={(e) => e.preventDefault()} onClick={start}>添加批注</button>
          {hint && <span className="panel-hint" role="note">{hint}</span>}
        </div>
      )}
      {draft && (
        <div className="new-thread">
          <blockquote className="thread-quote static">{draft.quote}</blockquote>
          <TextForm label="批注内容" submitLabel="添加批注" rows={3} busy={call.busy}
            onCancel={() => { setDraft(null); call.clear(); }} onSubmit={(t) => void add(t)} />
          <ErrorText message={call.error} />
        </div>
      )}
      <ErrorText message={review.error} />
      {review.loaded && review.threads.length === 0 && !draft && <EmptyState>暂无批注</EmptyState>}
      {open.length > 0 && <ul className="threads" aria-label="未解决的批注">{open.map(card)}</ul>}
      {resolved.length > 0 && (
        <details className="resolved-threads">
          <summary>已解决（{resolved.length}）</summary>
          <ul className="threads" aria-label="已解决的批注">{resolved.map(card)}</ul>
        </details>
      )}
    </div>
  );
}
