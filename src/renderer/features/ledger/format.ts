/** How the ledger's dates and levels read on the screen. */
import { shanghaiDate } from '../../../core/targets/dates';

/** Today's calendar date in the office's time zone. */
export function today(): string {
  return shanghaiDate(new Date());
}

export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/** `2023-03-05` → `2023年3月5日`. */
export function formatDate(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The years offered by the year selectors: from 2020 to next year. */
export function yearOptions(): number[] {
  const last = currentYear() + 1;
  return Array.from({ length: last - 2019 }, (_, i) => last - i);
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
