/** The suggestions (修订) pending in a version or a side of a diff: who suggested what, where, and when. */
import type { SuggestionItem } from '../../../shared/suggestions';
import { SUGGESTION_KIND_NAMES } from '../../../core/suggestions/types';
import { formatTime } from '../../ui/format';

/** Pieces of one suggestion (one id and kind) as one line. */
function merged(items: readonly SuggestionItem[]): SuggestionItem[] {
  const out: SuggestionItem[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (last && last.id === item.id && last.kind === item.kind) out[out.length - 1] = { ...last, text: last.text + item.text };
    else out.push(item);
  }
  return out;
}

function quoted(item: SuggestionItem): string {
  if (item.text === '') return '';
  return `“${item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text}”`;
}

/** A titled list, or nothing when no suggestion is pending. */
export function PendingList({ title, items }: { title: string; items: readonly SuggestionItem[] }) {
  if (items.length === 0) return null;
  const lines = merged(items);
  return (
    <section className="pending-list" aria-label={title}>
      <h3>{title}（{new Set(lines.map((i) => i.id)).size} 处）</h3>
      <ul>
        {lines.map((item) => (
          <li key={`${item.id}-${item.kind}-${item.paragraphIndex}`}>
            <span className={`pending-kind pending-kind-${item.kind}`}>{SUGGESTION_KIND_NAMES[item.kind]}</span>
            {quoted(item)}
            <span className="pending-meta">第 {item.paragraphIndex + 1} 段 · {item.authorName} · {formatTime(item.at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
