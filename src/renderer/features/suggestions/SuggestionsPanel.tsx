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
  const shown = filter === ALL ? entries : entries.filter((e) => e.authorId === filter);
  const buttons = canResolve && editor !== null;

  const go = (entry: SuggestionEntry | undefined): void => {
    if (!editor || !entry) return;
    setCurrent(entry.id);
    showSuggestion(editor, entry);
  };
  const step = (delta: 1 | -1): void => {
    const at = shown.findIndex((e) => e.id === current);
    const next = at < 0 ? (delta === 1 ? 0 : shown.length - 1) : (at + delta + shown.length) % shown.length;
    go(shown[next]);
  };
  const resolveOne = (entry: SuggestionEntry, accept: boolean): void => {
    if (!editor) return;
    runReviewEdit(editor, () => (accept ? $acceptSuggestion(entry.id) : $rejectSuggestion(entry.id)));
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
        审阅 <span className="suggestion-count">{entries.length > 0 ? `${entries.length} 处修订` : ''}</span>
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
            {shown.map((entry, index) => (
              <li key={`${entry.id}-${entry.kind}-${index}`} className={`suggestion-item${current === entry.id ? ' active' : ''}`}
                aria-label={`${KIND_NAMES[entry.kind]} ${entry.authorName}`}>
                <button type="button" className="suggestion-jump" onClick={() => go(entry)}>
                  <span className="suggestion-meta">
                    <span className="suggestion-dot" style={{ background: cursorColorFor(entry.authorId) }} aria-hidden="true" />
                    <span className="suggestion-author">{entry.authorName}</span>
                    <span className={`suggestion-kind suggestion-kind-${entry.kind}`}>{KIND_NAMES[entry.kind]}</span>
                    <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                  </span>
                  <span className={`suggestion-text suggestion-text-${entry.kind}`}>{quote(entry)}</span>
                </button>
                {buttons && (
                  <div className="suggestion-actions">
                    <button type="button" className="button small" onClick={() => resolveOne(entry, true)}>接受</button>
                    <button type="button" className="button small ghost" onClick={() => resolveOne(entry, false)}>拒绝</button>
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
