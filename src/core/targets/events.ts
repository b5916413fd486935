/**
 * A submission's history is its event log; its status and what it counts derive from the log
 * (annual-targets.md, "Counting, precisely"). Correcting events override earlier ones.
 */
import type { CalendarDate, EventType, LedgerEvent, LevelledDate, SubmissionFacts, SubmissionStatus } from './model';

/** The events that say a piece was sent: an adoption or publication implies it. */
export const SENDING_EVENTS: ReadonlySet<EventType> = new Set(['submitted', 'adopted', 'rejected', 'published']);

/**
 * A voided row's facts: nothing to count, but the dates of what was recorded before, so the row
 * still shows in the ledger of its year.
 */
function voided(events: readonly LedgerEvent[]): SubmissionFacts {
  const dates = events.filter((event) => event.type !== 'voided').map((event) => event.on).sort();
  return {
    status: 'voided', submittedOn: null, adoptedOn: null, publishedOn: null, ratings: [], instructions: [], missed: [],
    firstOn: dates[0] ?? null, lastOn: dates.at(-1) ?? null,
  };
}

/**
 * Folds the log into facts. Events apply in date order (ties in the order given, i.e. recording
 * order): 未采用 after 采用 withdraws the adoption and any publication; 刊发 implies 采用.
 */
export function deriveFacts(events: readonly LedgerEvent[]): SubmissionFacts {
  // A row voided as a mistake counts nothing, whatever else its log holds.
  if (events.some((event) => event.type === 'voided')) return voided(events);
  const ordered = events.map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : a.index - b.index))
    .map(({ event }) => event);
  let submittedOn: CalendarDate | null = null;
  let adoptedOn: CalendarDate | null = null;
  let publishedOn: CalendarDate | null = null;
  let rejected = false;
  const ratings: LevelledDate[] = [];
  const instructions: LevelledDate[] = [];
  const missed: CalendarDate[] = [];
  for (const event of ordered) {
    if (SENDING_EVENTS.has(event.type)) submittedOn ??= event.on;
    switch (event.type) {
      case 'adopted':
        adoptedOn ??= event.on;
        rejected = false;
        break;
      case 'rejected':
        adoptedOn = null;
        publishedOn = null;
        rejected = true;
        break;
      case 'published':
        adoptedOn ??= event.on;
        publishedOn ??= event.on;
        rejected = false;
        break;
      case 'rated':
        if (event.level) ratings.push({ on: event.on, level: event.level });
        break;
      case 'instructed':
        if (event.level) instructions.push({ on: event.on, level: event.level });
        break;
      case 'missed':
        missed.push(event.on);
        break;
      case 'submitted':
      case 'voided':
        break;
    }
  }
  const status: SubmissionStatus = rejected ? 'rejected' : publishedOn ? 'published' : adoptedOn ? 'adopted'
    : submittedOn ? 'submitted' : 'planned';
  return {
    status, submittedOn, adoptedOn, publishedOn, ratings, instructions, missed,
    firstOn: ordered.length > 0 ? ordered[0].on : null,
    lastOn: ordered.length > 0 ? ordered[ordered.length - 1].on : null,
  };
}

/** The key that makes two ledger rows the same piece: the document, or a manual entry's normalized title. */
export function pieceKey(documentId: string | null, title: string): string {
  return documentId ? `doc:${documentId}` : `title:${normalizeTitle(title)}`;
}

/** Titles compare without width variants, outer spaces, runs of spaces or book-title marks. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/[《》〈〉"“”]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
