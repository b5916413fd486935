/**
 * A saved version, read-only, and the diff of two versions (or one version and the current text); each
 * with the suggestions (修订) pending in it, and the diff of the text without them or with all applied.
 */
import { useState } from 'react';
import { DIFF_VIEWS, type DiffLine, type DiffResponse, type DiffView as DiffMode } from '../../../shared/review';
import { reviewApi } from '../../api/review';
import { formatFullTime } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { useLoad } from '../../ui/useLoad';
import { Dialog } from '../../ui/Dialog';
import { PendingList } from './PendingList';

export function VersionView({ documentId, versionId, onClose }: { documentId: string; versionId: string; onClose: () => void }) {
  const loaded = useLoad(() => reviewApi.version(documentId, versionId), [documentId, versionId]);
  const version = loaded.data;

  return (
    <Dialog size="large" title={version ? `版本：${version.name}` : '版本'} onClose={onClose}
      subtitle={version ? `${version.createdByName} · ${formatFullTime(version.createdAt)} · 只读` : undefined}>
      <LoadState loaded={loaded}>
        {(v) => (
          <>
            <article className="version-sheet" aria-label="版本内容">
              <h1 className="version-title">{v.title}</h1>
              {v.lines.map((line, i) => <p key={i} className="version-line">{line || '\u00a0'}</p>)}
            </article>
            {v.suggestions.length > 0 && (
              <div className="pending-lists">
                <p className="muted">正文为不含修订的原文；此版本保存时尚有以下修订待处理：</p>
                <PendingList title="待处理修订" items={v.suggestions} />
              </div>
            )}
          </>
        )}
      </LoadState>
    </Dialog>
  );
}

function Line({ line }: { line: DiffLine }) {
  if (line.type === 'change') {
    return (
      <p className="diff-line diff-change">
        {line.parts.map((part, i) => part.type === 'insert' ? <ins key={i}>{part.text}</ins>
          : part.type === 'delete' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>)}
      </p>
    );
  }
  const text = line.text || '\u00a0';
  if (line.type === 'insert') return <p className="diff-line diff-insert"><ins>{text}</ins></p>;
  if (line.type === 'delete') return <p className="diff-line diff-delete"><del>{text}</del></p>;
  return <p className="diff-line">{text}</p>;
}

const MODE_NAMES: Record<DiffMode, string> = { original: '原文（不含待处理修订）', applied: '接受全部修订后' };

export function DiffView({ documentId, from, to, onClose }: { documentId: string; from: string; to: string; onClose: () => void }) {
  const [mode, setMode] = useState<DiffMode>('original');
  const loaded = useLoad(() => reviewApi.diff(documentId, from, to, mode), [documentId, from, to, mode]);
  const diff = loaded.data;

  return (
    <Dialog size="large" title="对比" onClose={onClose}
      subtitle={diff ? `${diff.from.name} → ${diff.to.name}` : undefined}>
      <LoadState loaded={loaded}>{(d) => <DiffBody diff={d} mode={mode} onMode={setMode} />}</LoadState>
    </Dialog>
  );
}

function DiffBody({ diff, mode, onMode }: { diff: DiffResponse; mode: DiffMode; onMode: (mode: DiffMode) => void }) {
  const changes = diff.lines.filter((l) => l.type !== 'equal').length;
  const pending = diff.suggestions.from.length + diff.suggestions.to.length;
  return (
    <>
      {(pending > 0 || mode !== 'original') && (
        <div className="diff-modes" role="radiogroup" aria-label="对比内容">
          {DIFF_VIEWS.map((m) => (
            <label key={m}>
              <input type="radio" name="diff-mode" checked={mode === m} onChange={() => onMode(m)} /> {MODE_NAMES[m]}
            </label>
          ))}
        </div>
      )}
      <p className="diff-legend">
        <span>{changes === 0 ? '两者内容相同' : `${changes} 处段落有改动`}</span>
        <ins>新增</ins><del>删除</del>
      </p>
      <article className="version-sheet diff" aria-label="对比结果">
        {diff.lines.map((line, i) => <Line key={i} line={line} />)}
      </article>
      <div className="pending-lists">
        <PendingList title={`${diff.from.name}：待处理修订`} items={diff.suggestions.from} />
        <PendingList title={`${diff.to.name}：待处理修订`} items={diff.suggestions.to} />
      </div>
    </>
  );
}
