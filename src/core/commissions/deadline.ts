/**
 * The deadline rules of a 约稿 (commissioned piece), on Shanghai calendar dates: open, due soon
 * within its warning window, overdue on the day after its deadline, answered when a piece answers
 * it. A 约稿 still unanswered after its deadline is missed: the ledger records a `missed` event dated
 * on the deadline, once.
 */
import type { CalendarDate } from '../targets/model';

/** 待报, 即将到期, 已逾期 (missed, the penalty recorded), 已报送 (answered), 已撤销. */
export const COMMISSION_STATUSES = ['open', 'due-soon', 'missed', 'answered', 'cancelled'] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const COMMISSION_STATUS_NAMES: Record<CommissionStatus, string> = {
  open: '待报', 'due-soon': '即将到期', missed: '已逾期', answered: '已报送', cancelled: '已撤销',
};

/** What the rules read of a 约稿. */
export interface CommissionFacts {
  deadline: CalendarDate;
  warnDays: number;
  /** The Shanghai date it was answered, or null. */
  answeredOn: CalendarDate | null;
  cancelled: boolean;
}

const DAY_MS = 86_400_000;

function dayNumber(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Whole days from `today` to `deadline` (0 on the day, negative after it). */
export function daysUntil(deadline: CalendarDate, today: CalendarDate): number {
  return dayNumber(deadline) - dayNumber(today);
}

/**
 * The status as of `today`. Answered on or before the deadline counts as answered; an answer after
 * the deadline leaves it missed (the penalty stands). Due soon from `warnDays` days before the
 * deadline through the deadline day itself.
 */
export function commissionStatus(facts: CommissionFacts, today: CalendarDate): CommissionStatus {
  if (facts.cancelled) return 'cancelled';
  if (facts.answeredOn !== null && facts.answeredOn <= facts.deadline) return 'answered';
  const left = daysUntil(facts.deadline, today);
  if (left < 0) return 'missed';
  if (facts.answeredOn !== null) return 'answered';
  return left <= facts.warnDays ? 'due-soon' : 'open';
}

/** True when the `missed` event is due and not yet recorded (the sweep records it, dated on the deadline). */
export function missedEventDue(facts: CommissionFacts, today: CalendarDate, recorded: boolean): boolean {
  return !recorded && commissionStatus(facts, today) === 'missed';
}

/**
 * The two-miss rule some schemes have: with `limit` set (the points table's `missedLimit`), that many
 * missed 约稿 in a year set the year's information score to zero. Returns the score to report.
 */
export function scoreAfterMisses(score: number, missedInYear: number, limit: number | null | undefined): number {
  if (!limit || limit <= 0) return score;
  return missedInYear >= limit ? 0 : score;
}
