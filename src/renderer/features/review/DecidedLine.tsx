/** The suggestions (修订) an action of the 审核记录 covers: how many its actor accepted and rejected, and which. */
import type { DecidedSuggestion } from '../../../shared/review';
import { SUGGESTION_KIND_NAMES } from '../../../core/suggestions/types';

function what(d: DecidedSuggestion): string {
  const text = d.text.length > 30 ? `${d.text.slice(0, 30)}…` : d.text;
  return text === '' ? SUGGESTION_KIND_NAMES[d.kind] : `${SUGGESTION_KIND_NAMES[d.kind]}“${text}”`;
}

/** One line of counts that opens to the list; nothing when the action covered no decision. */
export function DecidedLine({ decided }: { decided: readonly DecidedSuggestion[] }) {
  if (decided.length === 0) return null;
  const accepted = decided.filter((d) => d.accepted).length;
  const rejected = decided.length - accepted;
  const counts = [accepted > 0 && `接受 ${accepted} 处`, rejected > 0 && `拒绝 ${rejected} 处`].filter(Boolean).join('、');
  return (
    <details className="history-decided" data-testid="history-decided">
      <summary>本次处理修订：{counts}</summary>
      <ul>
        {decided.map((d) => (
          <li key={`${d.id}-${d.decidedAt}`} className={d.accepted ? 'decided-accepted' : 'decided-rejected'}>
            <span className="decided-verdict">{d.accepted ? '接受' : '拒绝'}</span> {d.authorName} {what(d)}
          </li>
        ))}
      </ul>
    </details>
  );
}
