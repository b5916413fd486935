/**
 * 审阅: the pending suggestions (修订) of the body in document order, each with author, time, kind and
 * text. 上一处 / 下一处 and a click on a change move the caret to it. Whoever may change the text now
 * (the body is editable for them) gets 接受 / 拒绝 per change and 全部接受 / 全部拒绝 for the changes
 * listed, all or one author's (作者 filter); each is one undoable edit. Others see the list only.
 */
import { useMemo, useState } from 'react';
import {
  $acceptAllSuggestions, $acceptSuggestion, $rejectAllSuggestions, $rejectSuggestion, type SuggestionEntry,
} from '../../../core/suggestions/operations';
import { SUGGESTION_KIND_NAMES as KIND_NAMES } from '../../../core/suggestions/types';
import { formatTime } from '../../ui/format';
import { cursorColorFor, runReviewEdit, showSuggestion, type EditorConnection } from '../editor';
import { authorsOf, useSuggestions } from './useSuggestions';
import './suggestions.css';

const ALL = '';

/** One change as the pane lists it: the parts of one suggestion (a level change and its number are one). */
interface Change { id: string; authorId: string; authorName: string; at: string; parts: SuggestionEntry[] }

function changesOf(entries: readonly SuggestionEntry[]): Change[] {
  const byId = new Map<string, Change>();
  for (const entry of entries) {
    const known = byId.get(entry.id);
    if (known) known.parts.push(entry);
    else byId.set(entry.id, { id: entry.id, authorId: entry.authorId, authorName: entry.authorName, at: entry.at, parts: [entry] });
  }
  return [...byId.values()];
}

function kindsOf(change: Change): string {
  return [...new Set(change.parts.map((part) => KIND_NAMES[part.kind]))].join('、');
}

function quote(entry: SuggestionEntry): string {
  if (entry.text === '') return `第 ${entry.paragraphIndex + 1} 段`;
  return entry.text.length > 40 ? `${entry.text.slice(0, 40)}…` : entry.text;
}

export function SuggestionsPanel({ connection, canResolve }: { connection: EditorConnection | null; canResolve: boolean }) {
  const editor = connection?.editor ?? null;
  const entries = useSuggestions(editor);
  const authors = useMemo(() => authorsOf(entries), [entries]);
  const [authorId, setAuthorId] = useState(ALL);
  const [current, setCurrent] = useState<string | null>(null);
  const filter = authors.some((a) => a.id === authorId) ? authorId : ALL;
  const changes = useMemo(() => changesOf(entries), [entries]);
  const shown = filter === ALL ? changes : changes.filter((c) => c.authorId === filter);
  const buttons = canResolve && editor !== null;

  const go = (change: Change | undefined): void => {
    const first = change?.parts[0];
    if (!editor || !change || !first) return;
    setCurrent(change.id);
    showSuggestion(editor, first);
  };
  const step = (delta: 1 | -1): void => {
    const at = shown.findIndex((e) => e.id === current);
    const next = at < 0 ? (delta === 1 ? 0 : shown.length - 1) : (at + delta + shown.length) % shown.length;
    go(shown[next]);
  };
  const resolveOne = (change: Change, accept: boolean): void => {
    if (!editor) return;
    runReviewEdit(editor, () => (accept ? $acceptSuggestion(change.id) : $rejectSuggestion(change.id)));
  };
  const resolveAll = (accept: boolean): void => {
    if (!editor) return;
    const scope = filter === ALL ? {} : { authorId: filter };
    runReviewEdit(editor, () => (accept ? $acceptAllSuggestions(scope) : $rejectAllSuggestions(scope)));
  };
  const scopeName = filter === ALL ? '所有作者' : authors.find((a) => a.id === filter)?.name ?? '';

  return (
    <section className="side-section suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title" className="side-title">
        审阅 <span className="suggestion-count">{changes.length > 0 ? `${changes.length} 处修订` : ''}</span>
      </h2>
      {entries.length === 0 ? <p className="suggestion-empty">没有待处理的修订</p> : (
        <>
          <div className="suggestion-tools">
            <label className="suggestion-filter">
              <span>作者</span>
              <select aria-label="按作者筛选" value={filter} onChange={(e) => setAuthorId(e.target.value)}>
                <option value={ALL}>全部</option>
                {authors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </label>
            <button type="button" className="button small ghost" onClick={() => step(-1)} title="上一处修订">上一处</button>
            <button type="button" className="button small ghost" onClick={() => step(1)} title="下一处修订">下一处</button>
          </div>
          {buttons && (
            <div className="suggestion-bulk" role="group" aria-label={`${scopeName}的修订`}>
              <button type="button" className="button small" title={`接受${scopeName}的全部修订`} onClick={() => resolveAll(true)}>全部接受</button>
              <button type="button" className="button small" title={`拒绝${scopeName}的全部修订`} onClick={() => resolveAll(false)}>全部拒绝</button>
            </div>
          )}
          <ol className="suggestion-list" aria-label="修订">
            {shown.map((change) => (
              <li key={change.id} className={`suggestion-item${current === change.id ? ' active' : ''}`}
                aria-label={`${kindsOf(change)} ${change.authorName}`}>
                <button type="button" className="suggestion-jump" onClick={() => go(change)}>
                  <span className="suggestion-meta">
                    <span className="suggestion-dot" style={{ background: cursorColorFor(change.authorId) }} aria-hidden="true" />
                    <span className="suggestion-author">{change.authorName}</span>
                    {[...new Set(change.parts.map((part) => part.kind))].map((kind) => (
                      <span key={kind} className={`suggestion-kind suggestion-kind-${kind}`}>{KIND_NAMES[kind]}</span>
                    ))}
                    <time dateTime={change.at}>{formatTime(change.at)}</time>
                  </span>
                  {change.parts.map((part, index) => (
                    <span key={index} className={`suggestion-text suggestion-text-${part.kind}`}>{quote(part)}</span>
                  ))}
                </button>
                {buttons && (
                  <div className="suggestion-actions">
                    <button type="button" className="button small" onClick={() => resolveOne(change, true)}>接受</button>
                    <button type="button" className="button small ghost" onClick={() => resolveOne(change, false)}>拒绝</button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
