/**
 * Pending suggestions (修订) written as Word revisions: inserted and deleted runs (`w:ins`, `w:del`),
 * inserted and deleted paragraph marks (in the paragraph's `w:pPr/w:rPr`), and a level change as a
 * `w:pPrChange` holding the former paragraph style. Every revision is written with `w:id="0"`; the
 * exporter numbers them once the whole document.xml is known (`numberRevisions`), since lists are
 * made by docx and the body by wordXml.
 */
import type { ParagraphSuggestions, SuggestionMeta } from '../suggestions/types';
import type { BodyBlock } from '../body/bodyModel';

/** A Word date (ST_DateTime, whole seconds, UTC) of an ISO 8601 time; '' when it is not a time. */
export function wordDate(at: string): string {
  const time = Date.parse(at);
  return Number.isNaN(time) ? '' : `${new Date(time).toISOString().slice(0, 19)}Z`;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** The attributes of a revision element by `meta`'s author at its time (the id numbered later). */
export function revisionAttributes(meta: SuggestionMeta): string {
  const date = wordDate(meta.at);
  return ` w:id="0" w:author="${escapeAttribute(meta.authorName)}"${date === '' ? '' : ` w:date="${date}"`}`;
}

/**
 * The `w:rPr` of a paragraph's mark when the paragraph after it starts with a suggested mark: a
 * split inserts this mark, a join deletes it. '' when neither.
 */
export function paragraphMarkXml(next: BodyBlock | undefined): string {
  const suggestions = next?.type === 'paragraph' ? next.suggestions : undefined;
  if (!suggestions || (!suggestions.split && !suggestions.join)) return '';
  const ins = suggestions.split ? `<w:ins${revisionAttributes(suggestions.split)}/>` : '';
  const del = suggestions.join ? `<w:del${revisionAttributes(suggestions.join)}/>` : '';
  return `<w:rPr>${ins}${del}</w:rPr>`;
}

/**
 * The `w:pPrChange` of a paragraph whose level was changed: its former properties are `formerXml`
 * (the inside of a `w:pPr`, as paragraphXml writes it for the former level). '' when none.
 */
export function levelChangeXml(suggestions: ParagraphSuggestions | undefined, formerXml: string): string {
  const level = suggestions?.level;
  if (!level) return '';
  return `<w:pPrChange${revisionAttributes(level)}><w:pPr>${formerXml}</w:pPr></w:pPrChange>`;
}

const REVISION_ID = /<w:(ins|del|pPrChange)\b([^>]*?) w:id="[^"]*"/g;

/** Numbers every revision of a document.xml 1, 2, … in document order (Word wants them unique). */
export function numberRevisions(documentXml: string): string {
  let next = 0;
  return documentXml.replace(REVISION_ID, (_whole, tag: string, before: string) => {
    next += 1;
    return `<w:${tag}${before} w:id="${next}"`;
  });
}

/** Whether a document.xml holds any revision. */
export function hasRevisions(documentXml: string): boolean {
  return /<w:(ins|del|pPrChange)\b/.test(documentXml);
}
