/** Scores from a points table (考核办法): each scoring event of a submission, dated. */
import type { CalendarDate, LedgerEntry, PointsTable } from './model';

export interface ScoredEvent { on: CalendarDate; points: number }

/** The points a submission's current facts earn, one item per scoring event (zero-point events left out). */
export function scoredEvents(entry: LedgerEntry, table: PointsTable): ScoredEvent[] {
  const { facts, outlet } = entry;
  const events: ScoredEvent[] = [];
  if (facts.adoptedOn) events.push({ on: facts.adoptedOn, points: table.adopted[outlet.level] });
  if (facts.publishedOn) events.push({ on: facts.publishedOn, points: table.published[outlet.level] });
  for (const instruction of facts.instructions) events.push({ on: instruction.on, points: table.instructed[instruction.level] });
  for (const on of facts.missed) events.push({ on, points: table.missed });
  return events.filter((event) => event.points !== 0);
}

/** The entry's score from events dated within [from, to] (inclusive calendar dates). */
export function scoreBetween(entry: LedgerEntry, table: PointsTable, from: CalendarDate, to: CalendarDate): number {
  let total = 0;
  for (const event of scoredEvents(entry, table)) if (event.on >= from && event.on <= to) total += event.points;
  return total;
}
