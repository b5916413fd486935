/**
 * A literal multi-word matcher for the admin-managed lists: words are bucketed by their first code
 * unit, so a scan costs one map lookup per character plus the few candidates that start there.
 */
export interface LiteralMatch<T> { start: number; end: number; entry: T }

export class LiteralMatcher<T> {
  private readonly buckets = new Map<string, Array<{ word: string; entry: T }>>();

  constructor(entries: readonly T[], wordOf: (entry: T) => string) {
    for (const entry of entries) {
      const word = wordOf(entry);
      if (!word) continue;
      const bucket = this.buckets.get(word[0]) ?? [];
      bucket.push({ word, entry });
      this.buckets.set(word[0], bucket);
    }
    // Longest first, so 党工委管委会 wins over 管委会 at the same position.
    for (const bucket of this.buckets.values()) bucket.sort((a, b) => b.word.length - a.word.length);
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Non-overlapping matches, leftmost-longest. */
  findAll(text: string): Array<LiteralMatch<T>> {
    const found: Array<LiteralMatch<T>> = [];
    if (this.buckets.size === 0) return found;
    for (let i = 0; i < text.length; i += 1) {
      const bucket = this.buckets.get(text[i]);
      if (!bucket) continue;
      for (const { word, entry } of bucket) {
        if (text.startsWith(word, i)) {
          found.push({ start: i, end: i + word.length, entry });
          i += word.length - 1;
          break;
        }
      }
    }
    return found;
  }
}
