/**
 * 批注: review threads beside the text. A reviewer selects text in the (locked) body and adds a
 * comment; everyone who may comment replies, and writers and the holder resolve (解决) or reopen
 * (重新打开批注). Threads live in the review Y.Doc, anchored by relative positions into the body.
 */
import { useState } from 'react';
import { addThread, replyToThread, setThreadResolved, type ReviewThread } from '../../../core/review/threads';
import type { User } from '../../../shared/api';
import { formatTime } from '../../ui/format';
import { EmptyState } from '../../ui/Notice';
import type { EditorConnection } from '../editor/DeskEditor';
import { anchorFromSelection, type BodyAnchor } from './anchors';
import { threadRange } from './useCommentHighlights';
import type { ReviewThreads } from './useReviewThreads';

export interface CommentRights {
  /** May start a thread (the holder of the checkpoint, earlier reviewers). */
  canStart: boolean;
  canReply: boolean;
  canResolve: boolean;
}

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function ThreadCard({ thread, anchored, user, rights, review, active, onActivate }: {
  thread: ReviewThread;
  /** False when the commented text is gone from the body. */
  anchored: boolean;
  user: User;
  rights: CommentRights;
  review: ReviewThreads;
  active: boolean;
  onActivate: () => void;
}) {
  const [reply, setReply] = useState('');
  const [replying, setReplying] = useState(false);
  const doc = review.doc;
  const writable = review.writable && doc !== null;

  const sendReply = () => {
    if (!doc || !reply.trim()) return;
    replyToThread(doc, thread.id, { id: newId(), authorId: user.id, authorName: user.displayName, text: reply.trim(), at: new Date().toISOString() });
    setReply('');
    setReplying(false);
  };

  return (
    <li className={`thread${thread.resolved ? ' resolved' : ''}${active ? ' active' : ''}`} aria-label={`批注：${thread.quote}`}>
      <button type="button" className="thread-quote" onClick={onActivate} title="在正文中定位">
        {thread.quote}
      </button>
      {!anchored && <p className="thread-state gone">批注的原文已被删除</p>}
      <ol className="thread-comments">
        {thread.comments.map((c) => (
          <li key={c.id} className="thread-comment">
            <div className="thread-meta"><span className="thread-author">{c.authorName}</span><time>{formatTime(c.at)}</time></div>
            <p className="thread-text">{c.text}</p>
          </li>
        ))}
      </ol>
      {thread.resolved && <p className="thread-state">已解决</p>}
      {writable && (
        <div className="thread-actions">
          {replying ? (
            <form className="reply-form" onSubmit={(e) => { e.preventDefault(); sendReply(); }}>
              <textarea className="textarea" rows={2} aria-label="回复内容" value={reply} autoFocus
                onChange={(e) => setReply(e.target.value)} />
              <div className="row-buttons">
                <button type="button" className="button small ghost" onClick={() => setReplying(false)}>取消</button>
                <button type="submit" className="button small primary" disabled={!reply.trim()}>回复</button>
              </div>
            </form>
          ) : (
            <>
              {rights.canReply && <button type="button" className="button small ghost" onClick={() => setReplying(true)}>回复</button>}
              {rights.canResolve && (thread.resolved ? (
                <button type="button" className="button small ghost"
                  onClick={() => setThreadResolved(doc, thread.id, false, user.id)}>重新打开批注</button>
              ) : (
                <button type="button" className="button small ghost"
                  onClick={() => setThreadResolved(doc, thread.id, true, user.id)}>解决</button>
              ))}
            </>
          )}
        </div>
      )}
    </li>
  );
}

export function CommentsPanel({ connection, review, user, rights, activeId, onActivate }: {
  connection: EditorConnection | null;
  review: ReviewThreads;
  user: User;
  rights: CommentRights;
  activeId: string | null;
  onActivate: (id: string | null) => void;
}) {
  const [draft, setDraft] = useState<{ anchor: BodyAnchor; quote: string } | null>(null);
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const open = review.threads.filter((t) => !t.resolved);
  const resolved = review.threads.filter((t) => t.resolved);

  const start = () => {
    if (!connection) return;
    const picked = anchorFromSelection(connection.editor, connection.adapter.document);
    if (!picked) { setHint('请先在正文中选中要批注的文字'); return; }
    setHint(null);
    setDraft(picked);
  };

  const add = () => {
    if (!draft || !review.doc || !text.trim()) return;
    const id = newId();
    addThread(review.doc, {
      id, anchor: draft.anchor, quote: draft.quote, author: { id: user.id, name: user.displayName },
      text: text.trim(), at: new Date().toISOString(),
    });
    setDraft(null);
    setText('');
    onActivate(id);
  };

  const activate = (thread: ReviewThread) => {
    onActivate(thread.id);
    const range = connection && threadRange(connection, thread);
    const element = range?.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const canStart = rights.canStart && review.writable;
  const isAnchored = (thread: ReviewThread): boolean => !connection || threadRange(connection, thread) !== null;

  return (
    <div className="comments-panel">
      {canStart && !draft && (
        <div className="panel-actions">
          <button type="button" className="button small primary"
            // Keep the body's selection: it is what the comment is about.
            onMouseDown={(e) => e.preventDefault()} onClick={start}>添加批注</button>
          {hint && <span className="panel-hint" role="note">{hint}</span>}
        </div>
      )}
      {draft && (
        <form className="new-thread" onSubmit={(e) => { e.preventDefault(); add(); }}>
          <blockquote className="thread-quote static">{draft.quote}</blockquote>
          <textarea className="textarea" rows={3} aria-label="批注内容" value={text} autoFocus
            onChange={(e) => setText(e.target.value)} />
          <div className="row-buttons">
            <button type="button" className="button small ghost" onClick={() => { setDraft(null); setText(''); }}>取消</button>
            <button type="submit" className="button small primary" disabled={!text.trim()}>添加批注</button>
          </div>
        </form>
      )}
      {review.synced && review.threads.length === 0 && !draft && <EmptyState>暂无批注</EmptyState>}
      {open.length > 0 && (
        <ul className="threads" aria-label="未解决的批注">
          {open.map((t) => (
            <ThreadCard key={t.id} thread={t} anchored={isAnchored(t)} user={user} rights={rights} review={review}
              active={t.id === activeId} onActivate={() => activate(t)} />
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="resolved-threads">
          <summary>已解决（{resolved.length}）</summary>
          <ul className="threads" aria-label="已解决的批注">
            {resolved.map((t) => (
              <ThreadCard key={t.id} thread={t} anchored={isAnchored(t)} user={user} rights={rights} review={review}
                active={t.id === activeId} onActivate={() => activate(t)} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
