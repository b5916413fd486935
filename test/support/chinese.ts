import { expect } from 'vitest';

/** ASCII words a Chinese message may carry: units, formats and file types the user sees as such. */
const ALLOWED_WORDS = new Set(['MB', 'JSON', 'Word', 'WPS', 'docx', 'doc', 'xlsx', 'csv', 'YYYY', 'MM', 'DD']);

/** The ASCII words of a message that are neither allowed nor one of `names` (field names, codes). */
export function englishWords(message: string, names: string[] = []): string[] {
  return (message.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !ALLOWED_WORDS.has(word) && !names.includes(word));
}

/** Asserts an error body `{error: {code, message}}` whose message is Chinese and has no English in it. */
export function expectChineseError(body: unknown, names: string[] = []): string {
  expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  const { message } = (body as { error: { message: string } }).error;
  expect(message, 'a Chinese message').toMatch(/[\u4e00-\u9fff]/);
  expect(englishWords(message, names), `English in “${message}”`).toEqual([]);
  return message;
}
