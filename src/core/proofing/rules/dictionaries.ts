/**
 * Rule groups 5 and 6: the 规范表述 dictionary (non-standard → standard phrasing) and the sensitive
 * word list, both data an admin edits. Matching is literal, leftmost-longest.
 */
import { finding } from '../finding';
import { LiteralMatcher } from '../matcher';
import type { Finding, PhrasingEntry, SensitiveEntry } from '../types';

/** True when the standard form itself covers the match (十九大 inside 党的十九大). */
function insideRightForm(text: string, start: number, end: number, right: string): boolean {
  if (!right) return false;
  let from = Math.max(0, end - right.length);
  for (;;) {
    const at = text.indexOf(right, from);
    if (at < 0 || at > start) return false;
    if (at + right.length >= end) return true;
    from = at + 1;
  }
}

export class PhrasingRule {
  private readonly matcher: LiteralMatcher<PhrasingEntry>;

  constructor(entries: readonly PhrasingEntry[]) {
    this.matcher = new LiteralMatcher(entries, (e) => e.wrong);
  }

  check(text: string): Finding[] {
    const found: Finding[] = [];
    for (const { start, end, entry } of this.matcher.findAll(text)) {
      if (insideRightForm(text, start, end, entry.right)) continue;
      // 党的十八大 may also be written 中共十八大 (新华社 uses both).
      if (entry.right === `党的${entry.wrong}` && text.slice(Math.max(0, start - 2), start) === '中共') continue;
      const note = entry.note ? `（${entry.note}）` : '';
      found.push(finding(start, end, 'phrasing', entry.severity ?? 'warning',
        `规范表述：“${entry.wrong}”应为“${entry.right}”${note}`, [entry.right]));
    }
    return found;
  }
}

export class SensitiveRule {
  private readonly matcher: LiteralMatcher<SensitiveEntry>;

  constructor(entries: readonly SensitiveEntry[]) {
    this.matcher = new LiteralMatcher(entries, (e) => e.word);
  }

  check(text: string): Finding[] {
    return this.matcher.findAll(text).map(({ start, end, entry }) => finding(start, end, 'sensitive', entry.severity ?? 'warning',
      `敏感词“${entry.word}”，请核实用法${entry.note ? `（${entry.note}）` : ''}`));
  }
}
