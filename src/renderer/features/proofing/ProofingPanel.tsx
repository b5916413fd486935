/**
 * 审校: the proofreader's findings beside the body, grouped by 错误, 警告 and 提示; click one to jump
 * to it, 采纳建议 applies its suggestion as an ordinary edit, 忽略 sets it aside for everyone (while its
 * paragraph's text is unchanged) and 取消忽略 in the collapsed 已忽略 list takes that back.
 */
import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/api';
import { RULE_GROUP_NAMES, RULE_GROUPS, SEVERITY_NAMES, type PlacedFinding, type Severity } from '../../../core/proofing';
import type { IgnoredFinding } from '../../../shared/proofing';
import { errorMessage } from '../../api/client';
import { formatTime } from '../../ui/format';
import { ErrorText } from '../../ui/Notice';
import type { EditorConnection } from '../editor';
import { findingRange, useProofHighlights } from './useProofHighlights';
import { useProofing } from './useProofing';
import './proofing.css';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'hint'];

function placeName(f: PlacedFinding): string {
  if (f.scope === 'title') return '标题';
  if (f.scope.startsWith('property:')) return f.scope.slice('property:'.length);
  return `第 ${f.paragraph + 1} 段`;
}

/** The finding in a little of its context: …四个一<mark>“</mark>工作机… */
function Quote({ f }: { f: PlacedFinding }) {
  const end = Math.max(f.end, f.start === f.end ? f.start : f.start + 1);
  const start = f.start === f.end ? Math.max(0, f.start - 1) : f.start;
  const hit = f.text.slice(start, end);
  const before = f.text.slice(Math.max(0, start - 6), start);
  const after = f.text.slice(end, end + 6);
  return (
    <span className="proof-quote">
      {start > 6 && '…'}{before}<mark>{hit.length > 16 ? `${hit.slice(0, 16)}…` : hit}</mark>{after}{end + 6 < f.text.length && '…'}
    </span>
  );
}

function ruleName(rule: string): string {
  const group = RULE_GROUPS.find((g) => g === rule.split('.')[0]);
  return group ? RULE_GROUP_NAMES[group] : rule;
}

/** 已忽略: collapsed; each ignore says what, who and when, and can be taken back (取消忽略). */
function IgnoredList({ ignored, canRestore, onRestore }: { ignored: IgnoredFinding[]; canRestore: boolean; onRestore: (fingerprint: string) => void }) {
  return (
    <details className="proof-ignored" aria-label="已忽略">
      <summary>已忽略 {ignored.length} 处</summary>
      <ul className="proof-list">
        {ignored.map((i) => (
          <li key={i.fingerprint} className="proof-item proof-ignored-item">
            <span className="proof-ignored-what">
              <span className="proof-quote"><mark>{i.excerpt.length > 16 ? `${i.excerpt.slice(0, 16)}…` : i.excerpt}</mark></span>
              <span className="proof-place">{ruleName(i.rule)}</span>
            </span>
            {canRestore && (
              <button type="button" className="button small ghost" aria-label={`取消忽略“${i.excerpt}”`} onClick={() => onRestore(i.fingerprint)}>
                取消忽略
              </button>
            )}
            <span className="proof-by">{i.ignoredByName} 忽略于 {formatTime(i.ignoredAt)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ProofingPanel({ document, connection }: { document: DocumentDetail; connection: EditorConnection | null }) {
  const editor = connection?.editor ?? null;
  const proofing = useProofing(editor, document);
  const [active, setActive] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useProofHighlights(editor, proofing.units, proofing.findings, active);
  const canEdit = document.access.canEdit;
  const canIgnore = document.access.canEdit || document.access.canComment;

  const jump = (f: PlacedFinding): void => {
    setActive(f.fingerprint);
    const range = editor ? findingRange(editor, proofing.units, f) : null;
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const ignore = (f: PlacedFinding): void => {
    setError(null);
    proofing.ignore(f).catch((e: unknown) => setError(errorMessage(e)));
  };

  const restore = (fingerprint: string): void => {
    setError(null);
    proofing.unignore(fingerprint).catch((e: unknown) => setError(errorMessage(e)));
  };

  const counts = SEVERITIES.map((s) => proofing.findings.filter((f) => f.severity === s).length);
  return (
    <section className="side-section proofing" aria-labelledby="proofing-title">
      <h2 id="proofing-title" className="side-title">
        审校 <span className="proof-counts">{SEVERITIES.map((s, i) => `${SEVERITY_NAMES[s]} ${counts[i]}`).join(' · ')}</span>
      </h2>
      <ErrorText message={error ?? proofing.loadError} />
      {proofing.ready && proofing.findings.length === 0 && <p className="proof-clean">未发现问题</p>}
      {SEVERITIES.map((severity, i) => counts[i] > 0 && (
        <div key={severity} className={`proof-group proof-${severity}`} role="group" aria-label={SEVERITY_NAMES[severity]}>
          <h3 className="proof-group-title">{SEVERITY_NAMES[severity]}<span className="proof-group-count">{counts[i]}</span></h3>
          <ul className="proof-list">
            {proofing.findings.filter((f) => f.severity === severity).map((f) => (
              <li key={`${f.fingerprint}-${f.paragraph}`} className={`proof-item${active === f.fingerprint ? ' active' : ''}`}>
                <button type="button" className="proof-jump" onClick={() => jump(f)}>
                  <Quote f={f} />
                  <span className="proof-place">{placeName(f)}</span>
                  <span className="proof-message">{f.message}</span>
                </button>
                <div className="proof-actions">
                  {canEdit && f.scope === 'body' && f.suggestions.map((s, k) => (
                    <button key={s} type="button" className="button small" aria-label={k === 0 ? '采纳建议' : `采纳建议：${s || '删除'}`}
                      title={s ? `改为“${s}”` : '删除'} onClick={() => { if (!proofing.apply(f, s)) setError('正文已改动，请稍后再试'); }}>
                      {k === 0 ? '采纳建议' : s || '删除'}
                    </button>
                  ))}
                  {canIgnore && <button type="button" className="button small ghost" onClick={() => ignore(f)}>忽略</button>}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {proofing.ignored.length > 0 && (
        <IgnoredList ignored={proofing.ignored} canRestore={canIgnore} onRestore={restore} />
      )}
    </section>
  );
}
