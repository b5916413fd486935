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
  // The dashboard calls this for every row of a year: no allocation here.
  const { facts, outlet } = entry;
  const within = (on: CalendarDate) => on >= from && on <= to;
  let total = 0;
  if (facts.adoptedOn && within(facts.adoptedOn)) total += table.adopted[outlet.level];
  if (facts.publishedOn && within(facts.publishedOn)) total += table.published[outlet.level];
  for (const instruction of facts.instructions) if (within(instruction.on)) total += table.instructed[instruction.level];
  for (const on of facts.missed) if (within(on)) total += table.missed;
  return total;
}
