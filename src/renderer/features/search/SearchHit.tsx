/**
 * What the document list shows of a search hit: the title with the found words highlighted, and
 * under it the body's matching sentence, highlighted the same way.
 */
import type { ReactNode } from 'react';
import type { MarkedText } from '../../../shared/search';
import './search.css';

/** The text with its marked ranges in <mark>. */
export function Marked({ value }: { value: MarkedText }): ReactNode {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of value.marks) {
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(<mark key={start}>{value.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts}</>;
}

/** The title cell's content for a hit: `title` (a link or plain text) marked, then the sentence. */
export function SearchHit({ title, sentence, link }: { title: MarkedText; sentence: MarkedText | null; link: string }) {
  return (
    <>
      <a href={link}><Marked value={title} /></a>
      {sentence && <p className="search-sentence"><Marked value={sentence} /></p>}
    </>
  );
}

/** The line above the hits: how many, whether more matched, and what was not searched. */
export function SearchSummary({ count, more, note }: { count: number; more: boolean; note: string | null }) {
  return (
    <p className="search-summary" role="status">
      {more ? `找到超过 ${count} 篇，列出最近修改的 ${count} 篇；可加关键词或筛选缩小范围` : `找到 ${count} 篇含这些字词的文稿（标题或正文）`}
      {note && <span className="search-note">{note}</span>}
    </p>
  );
}
