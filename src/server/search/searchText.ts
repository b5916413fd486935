import { bodyBlocksFromLexical, bodyLines } from '../../core/body/bodyModel';

/**
 * A body's searchable text from its Lexical JSON, through the body model: its lines as they stand
 * (pending 修订 unapplied), then the lines that pending suggestions would make, each once. So a run
 * boundary (bold inside a word) never splits a word, a deleted-but-not-yet-accepted sentence is still
 * found, and so is a sentence typed in 修订 mode. Lines are joined by line breaks (a sentence end).
 */
export function searchableText(json: unknown): string {
  const original = bodyLines(bodyBlocksFromLexical(json));
  const seen = new Set(original);
  const added = bodyLines(bodyBlocksFromLexical(json, { suggestions: 'applied' })).filter((line) => !seen.has(line));
  return [...original, ...added].filter((line) => line.trim().length > 0).join('\n');
}
