/**
 * 文稿: the documents the user may see, newest change first, with filters by kind, owner and target.
 * Words typed in the search box search titles and bodies (GET /api/search), each hit with its
 * matching sentence. The same page in trash mode is the 回收站 (titles only), where deleted documents
 * can be restored.
 */
import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../shared/api';
import { DOCUMENT_KINDS, KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { navigate, routeHref } from '../../app/router';
import { formatFullTime, formatTime } from '../../ui/format';
import { EmptyState, ErrorText, Loading } from '../../ui/Notice';
import { NewDocumentDialog } from './NewDocumentDialog';
import { RenameDialog } from './RenameDialog';
import { DeleteDialog } from './DeleteDialog';
import { useUsers } from './useUsers';
import { TargetFilter } from '../ledger/TargetFilter';
import { useCommand } from '../../platform/commands';
import { useLoad } from '../../ui/useLoad';
import { ImportWordButton } from '../docx/ImportWord';
import { STATE_NAMES, WORKFLOW_STATES, type WorkflowState } from '../../../core/domain/workflow';
import type { SearchResult } from '../../../shared/search';
import { searchApi } from '../../api/search';
import { SearchHit, SearchSummary } from '../search/SearchHit';

/** A row of the list: a search hit carries its marked title and sentence. */
type ListedDocument = DocumentSummary & Partial<Pick<SearchResult, 'titleMatch' | 'sentence'>>;
interface Listed { documents: ListedDocument[]; search: { more: boolean; note: string | null } | null }

/** The years a piece may be searched by: this one and the nine before. */
const YEARS = Array.from({ length: 10 }, (_, i) => new Date().getFullYear() - i);

export function DocumentListPage({ trash }: { trash: boolean }) {
  const { users, error: usersError } = useUsers();
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [owner, setOwner] = useState('');
  const [target, setTarget] = useState('');
  const [query, setQuery] = useState('');
  const [state, setState] = useState<WorkflowState | ''>('');
  const [year, setYear] = useState('');
  const [debouncedQuery, setDebouncedQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<DocumentSummary | null>(null);
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  useCommand('new-document', () => { if (!trash) setCreating(true); });

  useEffect(() => {
    const timer = setTimeout(() => setDebouncedQuery(query), 250);
    return () => clearTimeout(timer);
  }, [query]);

  const searching = !trash && debouncedQuery.trim() !== '';
  const listed = useLoad(async (signal): Promise<Listed> => {
    if (searching) {
      const found = await searchApi.search({
        q: debouncedQuery, kind: kind || undefined, writer: owner || undefined, target: target || undefined,
        state: state || undefined, year: year ? Number(year) : undefined,
      }, signal);
      return { documents: found.results, search: { more: found.more, note: found.note } };
    }
    const list = await deskApi.listDocuments(
      { kind: kind || undefined, owner: owner || undefined, q: debouncedQuery, deleted: trash, target: target || undefined }, signal);
    return { documents: list.documents, search: null };
  }, [kind, owner, debouncedQuery, trash, target, searching, state, year]);
  const documents = listed.data?.documents ?? null;
  const search = listed.data?.search ?? null;
  const refresh = (): void => { setError(null); listed.reload(); };

  const remove = async (document: DocumentSummary) => {
    try {
      await deskApi.deleteDocument(document.id);
      setNotice(`“${document.title}”已移至回收站`);
      refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const restore = async (document: DocumentSummary) => {
    try {
      await deskApi.restoreDocument(document.id);
      setNotice(`“${document.title}”已恢复`);
      refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const filtered = kind !== '' || owner !== '' || target !== '' || debouncedQuery.trim() !== '';

  return (
    <main className="page">
      <div className="page-header">
        <h1>{trash ? '回收站' : '文稿'}</h1>
        <div className="page-actions">
          {trash ? (
            <a className="button" href={routeHref({ page: 'documents' })}>返回文稿</a>
          ) : (
            <>
              <a className="button" href={routeHref({ page: 'trash' })}>回收站</a>
              <ImportWordButton />
              <button type="button" className="button primary" onClick={() => setCreating(true)}>新建文稿</button>
            </>
          )}
        </div>
      </div>

      <div className="filters" role="search">
        <input
          type="search"
          className="search"
          aria-label={trash ? '搜索标题' : '搜索标题和正文'}
          placeholder={trash ? '搜索标题' : '搜索标题和正文'}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label="类型" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind | '')}>
          <option value="">全部类型</option>
          {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
        <select aria-label="创建人" value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">全部创建人</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
        </select>
        {!trash && <TargetFilter value={target} onChange={setTarget} />}
        {searching && (
          <>
            <select aria-label="状态" value={state} onChange={(e) => setState(e.target.value as WorkflowState | '')}>
              <option value="">全部状态</option>
              {WORKFLOW_STATES.map((s) => <option key={s} value={s}>{STATE_NAMES[s]}</option>)}
            </select>
            <select aria-label="年份" value={year} onChange={(e) => setYear(e.target.value)}>
              <option value="">全部年份</option>
              {YEARS.map((y) => <option key={y} value={String(y)}>{y}年</option>)}
            </select>
          </>
        )}
      </div>

      <ErrorText message={error ?? listed.error ?? usersError} />
      <p className="notice" role="status">{notice}</p>
      {searching && search && documents && documents.length > 0 && <SearchSummary count={documents.length} more={search.more} note={search.note} />}

      {documents === null ? (
        listed.error ? null : <Loading />
      ) : documents.length === 0 ? (
        <EmptyState>
          {trash ? '回收站是空的' : searching ? `标题和正文中都没有找到“${debouncedQuery.trim()}”${search?.note ? `（${search.note}）` : ''}` : filtered ? '没有符合条件的文稿' : '暂无文稿'}
        </EmptyState>
      ) : (
        <table className="doc-table">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">类型</th>
              <th scope="col">创建人</th>
              <th scope="col">状态</th>
              <th scope="col">{trash ? '删除时间' : '最后修改'}</th>
              <th scope="col"><span className="visually-hidden">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.id}>
                <td className="doc-title">
                  {trash ? document.title : document.titleMatch ? (
                    <SearchHit title={document.titleMatch} sentence={document.sentence ?? null} link={routeHref({ page: 'editor', documentId: document.id })} />
                  ) : (
                    <a href={routeHref({ page: 'editor', documentId: document.id })}>{document.title}</a>
                  )}
                </td>
                <td><span className="kind-tag">{KIND_LABELS[document.kind] ?? document.kind}</span></td>
                <td>{document.ownerName}</td>
                <td><span className={`state-tag state-${document.state}`}>{STATE_NAMES[document.state]}</span></td>
                <td title={formatFullTime(trash && document.deletedAt ? document.deletedAt : document.updatedAt)}>
                  {formatTime(trash && document.deletedAt ? document.deletedAt : document.updatedAt)}
                </td>
                <td className="row-actions">
                  {trash ? (
                    <button type="button" className="button small" onClick={() => void restore(document)}>恢复</button>
                  ) : (
                    <>
                      <button type="button" className="button small"
                        onClick={() => navigate({ page: 'editor', documentId: document.id })}>打开</button>
                      <button type="button" className="button small" onClick={() => setRenaming(document)}>重命名</button>
                      <DeleteButton document={document} onDelete={() => void remove(document)} onAsk={() => setDeleting(document)} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {creating && (
        <NewDocumentDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate({ page: 'editor', documentId: id })}
        />
      )}
      {deleting && (
        <DeleteDialog
          document={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => { setDeleting(null); setNotice(`“${deleting.title}”已移至回收站`); refresh(); }}
        />
      )}
      {renaming && (
        <RenameDialog
          document={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={() => { setRenaming(null); refresh(); }}
        />
      )}
    </main>
  );
}

/**
 * 删除 as the server allows it: at once for the owner of a plain draft; through 删除文稿 (what it
 * affects, a reason) for an admin and a protected piece; disabled, with the reason as its title, for
 * the writer of a protected piece; absent for everyone else.
 */
function DeleteButton({ document, onDelete, onAsk }: { document: DocumentSummary; onDelete: () => void; onAsk: () => void }) {
  const removal = document.removal ?? { mode: 'owner', message: null };
  if (removal.mode === 'none') {
    if (!removal.message) return null;
    return <button type="button" className="button small danger" disabled title={removal.message}>删除</button>;
  }
  return (
    <button type="button" className="button small danger" onClick={removal.mode === 'reason' ? onAsk : onDelete}>删除</button>
  );
}
