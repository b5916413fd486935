/**
 * Counting toward the annual targets, exactly as "Counting, precisely" in annual-targets.md says:
 * a ledger entry counts toward every target whose rule it meets and never twice toward one; pieces
 * are de-duplicated by piece, publications by piece × outlet, each dated by its earliest qualifying
 * date (Asia/Shanghai calendar dates); expected and projected follow the day-of-year formulas.
 */
import { dayOfYear, daysInYear, elapsedDays, lastDayOfMonth, monthOf, yearOf } from './dates';
import {
  atLeast, OUTLET_LEVELS,
  type CalendarDate, type CountRule, type LedgerEntry, type OutletLevel, type PointsTable, type ScoreRule,
  type TargetDefinition, type YearTargets,
} from './model';
import { scoreBetween, scoredEvents } from './points';
import { scoreAfterMisses } from '../commissions/deadline';

/** One thing that counts toward a target: a distinct piece, or a distinct publication (piece × outlet). */
export interface CountedItem {
  key: string;
  title: string;
  /** Its earliest qualifying date. */
  on: CalendarDate;
  /** Every ledger row behind it (the same piece recorded twice is one item with two rows). */
  entryIds: string[];
  /** Each author once. */
  authors: string[];
  /** The level that qualified it: the outlet's, or the rating's / instruction's. */
  level: OutletLevel;
  outletName: string;
}

export type PaceStatus = 'ahead' | 'on-pace' | 'behind' | 'none';

export interface MonthPoint {
  month: number;
  /** Counted in this month (points, for a score target). */
  count: number;
  /** Running total at the month's end; null for months after `asOf`. */
  cumulative: number | null;
  /** The even pace: the count expected by the month's last day. */
  pace: number;
}

export interface NamedCount { name: string; count: number }
export interface LevelCount { level: OutletLevel; count: number }

export interface TargetProgress {
  key: string;
  name: string;
  type: 'rule' | 'score' | 'manual';
  unit: 'pieces' | 'publications' | 'points' | 'count';
  target: number;
  actual: number;
  /** target × (day of year of asOf) / (days in the year). */
  expected: number;
  /** actual × (days in the year) / (day of year of asOf). */
  projected: number;
  status: PaceStatus;
  /** Points (from the year's points table) earned by what counts here. */
  score: number;
  monthly: MonthPoint[];
  byWriter: NamedCount[];
  byLevel: LevelCount[];
}

export interface WriterScore { name: string; score: number; items: number }

export interface YearProgress {
  year: number;
  asOf: CalendarDate;
  elapsedDays: number;
  daysInYear: number;
  targets: TargetProgress[];
  writers: WriterScore[];
}

interface Qualification { on: CalendarDate; level: OutletLevel }

function matchesKinds(entry: LedgerEntry, rule: CountRule | ScoreRule): boolean {
  return rule.pieceKinds.includes(entry.pieceKind)
    && (rule.outletKinds.length === 0 || rule.outletKinds.includes(entry.outlet.kind));
}

function earliest(dates: readonly { on: CalendarDate; level: OutletLevel }[], min: OutletLevel): Qualification | null {
  let best: Qualification | null = null;
  for (const d of dates) if (atLeast(d.level, min) && (!best || d.on < best.on)) best = d;
  return best;
}

/** When (and at which level) an entry meets a rule, or null if it does not. */
export function qualification(entry: LedgerEntry, rule: CountRule): Qualification | null {
  if (!matchesKinds(entry, rule)) return null;
  const { facts, outlet } = entry;
  if (rule.levelFrom === 'event' && (rule.event === 'rated' || rule.event === 'instructed')) {
    return earliest(rule.event === 'rated' ? facts.ratings : facts.instructions, rule.minLevel);
  }
  if (!atLeast(outlet.level, rule.minLevel)) return null;
  const on = rule.event === 'submitted' ? facts.submittedOn
    : rule.event === 'adopted' ? facts.adoptedOn
      : rule.event === 'published' ? facts.publishedOn
        : (rule.event === 'rated' ? facts.ratings : facts.instructions).reduce<CalendarDate | null>(
          (min, d) => (min === null || d.on < min ? d.on : min), null);
  return on ? { on, level: outlet.level } : null;
}

/**
 * The items counting toward a rule in `year` up to `asOf` (inclusive), earliest first. An item is
 * dated by its earliest qualifying date over all years, so a piece first published last year does
 * not count again this year.
 */
export function countedItems(rule: CountRule, entries: readonly LedgerEntry[], year: number, asOf: CalendarDate): CountedItem[] {
  const items = new Map<string, CountedItem>();
  for (const entry of entries) {
    const q = qualification(entry, rule);
    if (!q) continue;
    const key = rule.unit === 'pieces' ? entry.pieceKey : `${entry.pieceKey}\u0000${entry.outlet.id}`;
    const item = items.get(key);
    if (!item) {
      items.set(key, { key, title: entry.title, on: q.on, entryIds: [entry.id], authors: [...new Set(entry.authors)], level: q.level, outletName: entry.outlet.name });
      continue;
    }
    item.entryIds.push(entry.id);
    for (const author of entry.authors) if (!item.authors.includes(author)) item.authors.push(author);
    if (q.on < item.on) Object.assign(item, { on: q.on, level: q.level, outletName: entry.outlet.name, title: entry.title });
  }
  return [...items.values()]
    .filter((item) => yearOf(item.on) === year && item.on <= asOf)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.key < b.key ? -1 : 1));
}

/** Ahead: actual ≥ expected; behind: actual < 90 % of expected; otherwise on pace. No number set: none. */
export function paceStatus(target: number, actual: number, expected: number): PaceStatus {
  if (target <= 0) return 'none';
  if (actual >= expected) return 'ahead';
  return actual < 0.9 * expected ? 'behind' : 'on-pace';
}

function yearBounds(year: number): { from: CalendarDate; to: CalendarDate } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function monthlySeries(year: number, asOf: CalendarDate, target: number, perMonth: readonly number[]): MonthPoint[] {
  const days = daysInYear(year);
  const lastMonth = yearOf(asOf) < year ? 0 : yearOf(asOf) > year ? 12 : monthOf(asOf);
  let running = 0;
  return perMonth.map((count, index) => {
    const month = index + 1;
    running += count;
    return { month, count, cumulative: month <= lastMonth ? running : null, pace: target * dayOfYear(lastDayOfMonth(year, month)) / days };
  });
}

function sortedCounts(counts: Map<string, number>): NamedCount[] {
  return [...counts].map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function levelCounts(counts: Map<OutletLevel, number>): LevelCount[] {
  return OUTLET_LEVELS.map((level) => ({ level, count: counts.get(level) ?? 0 }));
}

function add<K>(map: Map<K, number>, key: K, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** How many missed 约稿 the ledger records within [from, to]. */
function missedBetween(entries: readonly LedgerEntry[], from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (const entry of entries) for (const on of entry.facts.missed) if (on >= from && on <= to) count += 1;
  return count;
}

/** Each entry's points from events in `year` up to `asOf`; zero scores are left out. */
export function entryScores(entries: readonly LedgerEntry[], points: PointsTable, year: number, asOf: CalendarDate): Map<string, number> {
  const { from, to } = yearBounds(year);
  const until = asOf < to ? asOf : to;
  const scores = new Map<string, number>();
  for (const entry of entries) {
    const score = scoreBetween(entry, points, from, until);
    if (score !== 0) scores.set(entry.id, score);
  }
  return scores;
}

/** Figures for one target in `year` as of `asOf`; `scores` (from entryScores) saves recomputing them per target. */
export function targetProgress(definition: TargetDefinition, entries: readonly LedgerEntry[], points: PointsTable,
  year: number, asOf: CalendarDate, scores: ReadonlyMap<string, number> = entryScores(entries, points, year, asOf)): TargetProgress {
  const elapsed = elapsedDays(year, asOf);
  const days = daysInYear(year);
  const { from, to } = yearBounds(year);
  const until = asOf < to ? asOf : to;
  const perMonth = new Array<number>(12).fill(0);
  const byWriter = new Map<string, number>();
  const byLevel = new Map<OutletLevel, number>();
  const { rule } = definition;
  let actual = 0;
  let score = 0;
  let unit: TargetProgress['unit'];

  if (rule.type === 'rule') {
    unit = rule.unit;
    for (const item of countedItems(rule, entries, year, asOf)) {
      actual += 1;
      perMonth[monthOf(item.on) - 1] += 1;
      for (const author of item.authors) add(byWriter, author, 1);
      add(byLevel, item.level, 1);
      for (const id of item.entryIds) score += scores.get(id) ?? 0;
    }
  } else if (rule.type === 'score') {
    unit = 'points';
    for (const entry of entries) {
      if (!matchesKinds(entry, rule)) continue;
      for (const event of scoredEvents(entry, points)) {
        if (event.on < from || event.on > until) continue;
        actual += event.points;
        perMonth[monthOf(event.on) - 1] += event.points;
        for (const author of new Set(entry.authors)) add(byWriter, author, event.points);
        add(byLevel, entry.outlet.level, event.points);
      }
    }
    if (scoreAfterMisses(actual, missedBetween(entries, from, until), points.missedLimit) !== actual) {
      actual = 0;
      perMonth.fill(0);
      byWriter.clear();
      byLevel.clear();
    }
    score = actual;
  } else {
    unit = 'count';
    actual = rule.count;
  }

  const expected = definition.target * elapsed / days;
  const projected = elapsed === 0 ? actual : actual * days / elapsed;
  return {
    key: definition.key, name: definition.name, type: rule.type, unit, target: definition.target,
    actual, expected, projected, status: paceStatus(definition.target, actual, expected), score,
    monthly: rule.type === 'manual' ? monthlySeries(year, asOf, definition.target, perMonth).map((m) => ({ ...m, cumulative: null }))
      : monthlySeries(year, asOf, definition.target, perMonth),
    byWriter: sortedCounts(byWriter),
    byLevel: levelCounts(byLevel),
  };
}

/** Every target's figures for a year, and each writer's score from the points table. */
export function yearProgress(yearTargets: YearTargets, entries: readonly LedgerEntry[], asOf: CalendarDate): YearProgress {
  const { year, targets, points } = yearTargets;
  const { from, to } = yearBounds(year);
  const until = asOf < to ? asOf : to;
  const writers = new Map<string, WriterScore>();
  const scores = entryScores(entries, points, year, asOf);
  for (const entry of entries) {
    const score = scores.get(entry.id) ?? 0;
    const active = entry.facts.submittedOn !== null && entry.facts.submittedOn >= from && entry.facts.submittedOn <= until;
    if (score === 0 && !active) continue;
    for (const name of new Set(entry.authors)) {
      const writer = writers.get(name) ?? { name, score: 0, items: 0 };
      writer.score += score;
      if (active) writer.items += 1;
      writers.set(name, writer);
    }
  }
  return {
    year, asOf, elapsedDays: elapsedDays(year, asOf), daysInYear: daysInYear(year),
    targets: targets.map((t) => targetProgress(t, entries, points, year, asOf, scores)),
    writers: [...writers.values()].sort((a, b) => b.score - a.score || b.items - a.items || (a.name < b.name ? -1 : 1)),
  };
}
