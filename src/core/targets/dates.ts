/**
 * Calendar dates in the office's time zone. Asia/Shanghai has kept UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact for every date the ledger holds.
 */
import type { CalendarDate } from './model';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Shanghai calendar date of an instant (a Date or an ISO string with a zone). */
export function shanghaiDate(instant: Date | string): CalendarDate {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) throw new RangeError(`not an instant: ${String(instant)}`);
  return new Date(time + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD` (no 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: CalendarDate): number {
  return Number(date.slice(5, 7));
}

/** 1 for 1 January … 365 (366) for 31 December. */
export function dayOfYear(date: CalendarDate): number {
  const year = yearOf(date);
  let day = Number(date.slice(8, 10));
  for (let month = 1; month < monthOf(date); month++) day += daysInMonth(year, month);
  return day;
}

export function lastDayOfMonth(year: number, month: number): CalendarDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * How far into `year` the date `asOf` is, in days: 0 before the year starts, the whole year after it ends.
 */
export function elapsedDays(year: number, asOf: CalendarDate): number {
  const asOfYear = yearOf(asOf);
  if (asOfYear < year) return 0;
  if (asOfYear > year) return daysInYear(year);
  return dayOfYear(asOf);
}
