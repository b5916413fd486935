/** A saved version, read-only, and the diff of two versions (or one version and the current text). */
import { useEffect, useState } from 'react';
import type { DiffLine, DiffResponse, VersionContent } from '../../../shared/review';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { formatFullTime } from '../../ui/format';
import { ErrorText, Loading } from '../../ui/Notice';
import { Dialog } from '../../ui/Dialog';

export function VersionView({ documentId, versionId, onClose }: { documentId: string; versionId: string; onClose: () => void }) {
  const [version, setVersion] = useState<VersionContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    reviewApi.version(documentId, versionId).then(setVersion, (e: unknown) => setError(errorMessage(e)));
  }, [documentId, versionId]);

  return (
    <Dialog size="large" title={version ? `版本：${version.name}` : '版本'} onClose={onClose}
      subtitle={version ? `${version.createdByName} · ${formatFullTime(version.createdAt)} · 只读` : undefined}>
      <ErrorText message={error} />
      {!version && !error && <Loading />}
      {version && (
        <article className="version-sheet" aria-label="版本内容">
          <h1 className="version-title">{version.title}</h1>
          {version.lines.map((line, i) => <p key={i} className="version-line">{line || '\u00a0'}</p>)}
        </article>
      )}
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

export function DiffView({ documentId, from, to, onClose }: { documentId: string; from: string; to: string; onClose: () => void }) {
  const [diff, setDiff] = useState<DiffResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    reviewApi.diff(documentId, from, to).then(setDiff, (e: unknown) => setError(errorMessage(e)));
  }, [documentId, from, to]);
  const changes = diff ? diff.lines.filter((l) => l.type !== 'equal').length : 0;

  return (
    <Dialog size="large" title="对比" onClose={onClose}
      subtitle={diff ? `${diff.from.name} → ${diff.to.name}` : undefined}>
      <ErrorText message={error} />
      {!diff && !error && <Loading />}
      {diff && (
        <>
          <p className="diff-legend">
            <span>{changes === 0 ? '两者内容相同' : `${changes} 处段落有改动`}</span>
            <ins>新增</ins><del>删除</del>
          </p>
          <article className="version-sheet diff" aria-label="对比结果">
            {diff.lines.map((line, i) => <Line key={i} line={line} />)}
          </article>
        </>
      )}
    </Dialog>
  );
}
