/**
 * Two writers with 修订 on type, delete and replace in the same paragraph while the server is down,
 * three times over; when it returns, both pages and the server agree, the original text (every
 * suggestion unapplied, which is what the server stores as the text) is the text they started from,
 * every original character shows exactly once and nothing typed shows twice. Before deletions became
 * marks on the text (core/suggestions/deletionMark.ts), a deletion re-created the characters it
 * wrapped, and text deleted by one writer while the other edited it came back doubled
 * (captureConcurrent.test.ts checks the same headless, with three writers). A fixed seed in CI;
 * SUGGEST_SEED=random explores, SUGGEST_SEED=N replays.
 */
import { expect, test } from '@playwright/test';
import {
  body, offlineRound, paragraphText, seededPick, createDocument, createWriter, openedBy, selectChars, serverText, shot, startServer,
  type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let owner: TestUser;
let colleague: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  owner = await createWriter(server, 'heping', '何平');
  colleague = await createWriter(server, 'luoyun', '罗云');
});

test.afterAll(async () => {
  await server?.dispose();
});

test('two writers in 修订 type, delete and replace one paragraph offline; the original stays whole and nothing doubles', async ({ browser }) => {
  test.setTimeout(180_000);
  const pick = seededPick('SUGGEST_SEED', 4_242);
  // Every character once, so that "shows exactly once" can be checked character by character.
  const start = '全区街道部门要按时报送政务信息做好年度重点工作';
  const id = await createDocument(owner, '同段并发修订测试', [start], [colleague]);
  const writers = await openedBy(browser, server, id, [owner, colleague]);
  await writers[0].page.getByRole('button', { name: /^修订/ }).click();
  for (const { page } of writers) await expect(page.getByRole('button', { name: /^修订/ })).toHaveText('修订：开');
  let code = 0x4e00 + 0x1000;
  const typed: string[] = [];
  const word = (): string => {
    const text = Array.from({ length: 1 + pick(2) }, () => String.fromCodePoint(code++)).join('');
    typed.push(...text);
    return text;
  };
  const pages = writers.map(({ page }) => page);
  for (let round = 0; round < 3; round += 1) {
    await offlineRound(server, pages, async () => {
      for (let step = 0; step < 6; step += 1) {
        const { page } = writers[pick(2)];
        const size = (await paragraphText(page)).length;
        const from = pick(size + 1);
        const to = Math.min(size, from + 1 + pick(3));
        const choice = pick(5);
        await body(page).focus();
        if (choice === 0) {
          await selectChars(page, from, from);
          await page.keyboard.insertText(word());
        } else if (choice === 1 && from > 0) {
          await selectChars(page, from, from);
          await page.keyboard.press('Backspace');
        } else if (choice === 2 && from < size) {
          await selectChars(page, from, from);
          await page.keyboard.press('Delete');
        } else if (choice === 3 && to > from) {
          await selectChars(page, from, to);
          await page.keyboard.insertText(word());
        } else if (to > from) {
          await selectChars(page, from, to);
          await page.keyboard.press('Backspace');
        }
      }
    });
  }
  const shown = await paragraphText(writers[0].page);
  const counts = new Map<string, number>();
  for (const char of shown) counts.set(char, (counts.get(char) ?? 0) + 1);
  expect([...start].filter((char) => counts.get(char) !== 1), 'every original character shows once').toEqual([]);
  expect(typed.filter((char) => (counts.get(char) ?? 0) > 1), 'nothing typed shows twice').toEqual([]);
  // The server's text is the original: every edit was a suggestion.
  await expect.poll(() => serverText(owner, id)).toBe(start);
  await shot(writers[1].page, 'concurrent-suggesting');
  for (const { context } of writers) await context.close();
});
