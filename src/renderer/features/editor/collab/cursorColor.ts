/** A stable caret colour per user: the same person has the same colour on every screen. */
const PALETTE = [
  '#c0392b', '#2e7d32', '#1565c0', '#8e24aa', '#ef6c00',
  '#00838f', '#ad1457', '#5d4037', '#3949ab', '#558b2f',
];

export function cursorColorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
