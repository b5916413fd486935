/**
 * Rule group 7, the leader roster (admin data): a title written next to a leader's name that is not
 * one of theirs (党工委书记李四 when 李四 is 主任), and leaders listed out of rank order in one
 * enumeration (李四、张三 when 张三 ranks first). Only titles the roster knows are compared, and only
 * names joined by 、，和 及 与 with short title text between them count as a list.
 */
import { finding } from '../finding';
import { LiteralMatcher, type LiteralMatch } from '../matcher';
import type { Finding, LeaderEntry } from '../types';

const JOINER = /[、，和及与]/;
const TITLE_MODIFIERS = '副常务代理执行第总原';

export class LeaderRule {
  private readonly names: LiteralMatcher<LeaderEntry>;
  private readonly titles: LiteralMatcher<string>;

  constructor(private readonly leaders: readonly LeaderEntry[]) {
    this.names = new LiteralMatcher(leaders, (l) => l.name);
    this.titles = new LiteralMatcher([...new Set(leaders.flatMap((l) => l.titles))], (t) => t);
  }

  check(text: string): Finding[] {
    if (this.leaders.length === 0) return [];
    const found: Finding[] = [];
    const names = this.names.findAll(text);
    for (const name of names) this.checkTitle(text, name, names, found);
    this.checkOrder(text, names, found);
    return found;
  }

  /** The known title right before the name (党工委书记张三) or right after it (张三书记). */
  private checkTitle(text: string, name: LiteralMatch<LeaderEntry>, names: ReadonlyArray<LiteralMatch<LeaderEntry>>, found: Finding[]): void {
    const leader = name.entry;
    const before = text.slice(Math.max(0, name.start - 16), name.start);
    const titleBefore = this.titles.findAll(before).filter((t) => t.end === before.length).pop();
    const after = text.slice(name.end, name.end + 16);
    const titleAfter = this.titles.findAll(after).find((t) => t.start === 0);
    const candidates: Array<{ title: LiteralMatch<string> | undefined; offset: number }> = [
      { title: titleBefore, offset: name.start - before.length }, { title: titleAfter, offset: name.end },
    ];
    for (const { title, offset } of candidates) {
      if (!title || leader.titles.includes(title.entry)) continue;
      // 常务副区长 when the roster only knows 副区长: a modifier before it makes it another title.
      const modifier = offset < name.start ? before[title.start - 1] : undefined;
      if (modifier !== undefined && TITLE_MODIFIERS.includes(modifier)) continue;
      const start = offset + title.start;
      // 张三书记李四: the title after one name is not the title of the next.
      if (offset < name.start && names.some((other) => other.end === start)) continue;
      found.push(finding(start, start + title.entry.length, 'leader.title', 'error',
        `${leader.name}的职务应为“${leader.titles[0]}”`, leader.titles.length === 1 ? [leader.titles[0]] : [...leader.titles]));
    }
  }

  private checkOrder(text: string, names: ReadonlyArray<LiteralMatch<LeaderEntry>>, found: Finding[]): void {
    let run: Array<LiteralMatch<LeaderEntry>> = [];
    const flush = (): void => {
      const ranks = run.map((n) => n.entry.rank);
      const sorted = [...run].sort((a, b) => a.entry.rank - b.entry.rank);
      if (run.length > 1 && ranks.some((r, i) => i > 0 && r < ranks[i - 1])) {
        const first = run[0].start;
        const last = run[run.length - 1].end;
        found.push(finding(first, last, 'leader.order', 'warning',
          `领导排序有误：应为${sorted.map((n) => n.entry.name).join('、')}`));
      }
      run = [];
    };
    for (const name of names) {
      const prev = run[run.length - 1];
      const gap = prev ? text.slice(prev.end, name.start) : '';
      if (prev && (!this.isListGap(gap) || prev.entry.name === name.entry.name)) flush();
      run.push(name);
    }
    flush();
  }

  /** Between two names of one list: a joiner, titles the roster knows, 同志, spaces — nothing else. */
  private isListGap(gap: string): boolean {
    if (!JOINER.test(gap)) return false;
    let rest = gap;
    for (const title of this.titles.findAll(gap).reverse()) rest = rest.slice(0, title.start) + rest.slice(title.end);
    return /^[、，和及与\s]*(?:同志)?[、，和及与\s]*$/.test(rest.replace(/同志/g, ''));
  }
}
