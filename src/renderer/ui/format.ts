/** How dates read on the screen (states read as the state table names them: STATE_NAMES). */
const sameYear = new Intl.DateTimeFormat('zh-CN', {
  month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});
const otherYear = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric' });
const full = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', hour12: false });

/** A short local time: "11月27日 09:30" this year, "2024/3/5" before. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (date.getFullYear() === new Date().getFullYear() ? sameYear : otherYear).format(date);
}

export function formatFullTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : full.format(date);
}
