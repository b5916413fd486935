/**
 * Typing latency in the browser: keystroke to DOM update in a 40,000-character Chinese body
 * (400 paragraphs × 100), in Chromium driven by Playwright. The page (typing/, built with Vite into a
 * temporary folder and served on loopback) holds one Lexical editor with the desk's nodes, either
 * bare (no collaboration; the baseline) or bound to a Y.Doc synced with the real desk server through
 * HocuspocusProvider (the body comes from the server, seeded through the API). The caret goes to the
 * end of paragraph 200; each keystroke is `page.keyboard.type('字')`, paced like fast typing, and the
 * page records performance.now() from its keydown/beforeinput to the first MutationObserver callback
 * (the figure the goals judge), to Lexical's commit and to the next idle task. Rounds alternate
 * between the two modes, each in a fresh page; the first keystrokes of each page are warm-up.
 *
 * Goals: collab p95 keystroke → DOM ≤ 16 ms, and ≤ 1.5× the bare editor's p95.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chineseParagraph } from './support/chineseText';
import { startDeskFixture, type DeskFixture } from './support/desk';
import { check, runIfMain, type BenchResult } from './support/report';
import { serveFolder, type StaticServer } from './support/staticServer';
import { ms, ratio, summarize, type Summary } from './support/stats';
import type { KeystrokeSample, OpenedBody, TypingMode } from './typing/protocol';

/** The two modes this bench compares (suggestingLatency.ts compares 修订 with bare). */
type Compared = Extract<TypingMode, 'bare' | 'collab'>;

export const PARAGRAPHS = 400;
export const PARAGRAPH_CHARS = 100;
const CARET_PARAGRAPH = 200;
const ROUNDS = 2;
const KEPT_PER_PAGE = 125;
const WARMUP_PER_PAGE = 20;
/** Between keystrokes: ~16 characters a second, fast typing. */
const PACE_MS = 60;
const GOAL_P95_MS = 16;
const GOAL_RATIO = 1.5;

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Builds the bench page (typing/) into `outDir`. */
export async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: resolve(import.meta.dirname, 'typing/vite.config.ts'),
    build: { outDir },
  });
}

const sleep = (msToWait: number): Promise<void> => new Promise((r) => setTimeout(r, msToWait));

/** Opens the page at `url`, types into the middle paragraph, returns the kept samples. */
export async function typeInPage(browser: Browser, url: string): Promise<KeystrokeSample[]> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(url);
    const opened = await page.evaluate((): Promise<OpenedBody> => {
      if (!window.typingBench) throw new Error('the bench page did not start');
      return window.typingBench.ready;
    });
    if (opened.paragraphs < PARAGRAPHS || opened.characters < PARAGRAPHS * PARAGRAPH_CHARS) {
      throw new Error(`the page opened ${opened.paragraphs} paragraphs, ${opened.characters} characters`);
    }
    const before = await page.evaluate((index) => window.typingBench?.paragraphText(index) ?? '', CARET_PARAGRAPH);
    await page.evaluate((index) => window.typingBench?.placeCaret(index), CARET_PARAGRAPH);
    const total = WARMUP_PER_PAGE + KEPT_PER_PAGE;
    for (let i = 1; i <= total; i++) {
      await page.keyboard.type('字');
      await page.evaluate((count) => window.typingBench?.samplesReached(count, 5_000), i);
      await sleep(PACE_MS);
    }
    const after = await page.evaluate((index) => window.typingBench?.paragraphText(index) ?? '', CARET_PARAGRAPH);
    if (after !== before + '字'.repeat(total)) throw new Error(`the keystrokes did not land at the caret: …${after.slice(-20)}`);
    await page.waitForFunction(() => window.typingBench?.unacknowledged() === 0, undefined, { timeout: 10_000 });
    const samples = await page.evaluate(() => window.typingBench?.samples() ?? []);
    return samples.slice(WARMUP_PER_PAGE);
  } finally {
    await page.close();
  }
}

function line(label: string, s: Summary): [string, string] {
  return [label, `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`];
}

export async function benchTypingLatency(): Promise<BenchResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'wengao-typing-bench-'));
  let desk: DeskFixture | null = null;
  let pages: StaticServer | null = null;
  let browser: Browser | null = null;
  try {
    await buildPage(outDir);
    pages = await serveFolder(outDir);
    desk = await startDeskFixture();
    const blocks = Array.from({ length: PARAGRAPHS }, (_, i) => ({ type: 'paragraph' as const, text: chineseParagraph(i, PARAGRAPH_CHARS) }));
    const documentId = await desk.sharedDocument('输入延迟测试', blocks);
    const urls: Record<Compared, string> = {
      bare: `${pages.url}/?mode=bare&paragraphs=${PARAGRAPHS}&chars=${PARAGRAPH_CHARS}`,
      collab: `${pages.url}/?mode=collab&ws=${encodeURIComponent(desk.server.wsUrl)}&doc=${documentId}&token=${desk.bob.token}`,
    };
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

    const collected: Record<Compared, KeystrokeSample[]> = { bare: [], collab: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Compared[] = round % 2 === 0 ? ['bare', 'collab'] : ['collab', 'bare'];
      for (const mode of order) collected[mode].push(...await typeInPage(browser, urls[mode]));
    }
    const serverText = (await desk.bob.ok<{ text: string }>('GET', `/api/documents/${documentId}/content`)).text;
    const typedAtServer = serverText.split('\n')[CARET_PARAGRAPH].endsWith('字'.repeat(ROUNDS * (WARMUP_PER_PAGE + KEPT_PER_PAGE)));

    const pick = (mode: Compared, key: keyof KeystrokeSample): Summary => summarize(collected[mode].map((s) => s[key]));
    const bareDom = pick('bare', 'dom');
    const collabDom = pick('collab', 'dom');
    const bareIdle = pick('bare', 'idle');
    const collabIdle = pick('collab', 'idle');
    return {
      name: `typing latency in Chromium (${PARAGRAPHS * PARAGRAPH_CHARS} characters, caret in paragraph ${CARET_PARAGRAPH})`,
      figures: [
        ['keystrokes per mode', `${collabDom.n} (${ROUNDS} pages each, ${WARMUP_PER_PAGE} warm-up per page, ${PACE_MS} ms apart)`],
        line('bare   → DOM p50 / p95 / max', bareDom),
        line('collab → DOM p50 / p95 / max', collabDom),
        ['collab ÷ bare → DOM p50 / p95', `${ratio(collabDom.p50, bareDom.p50)} / ${ratio(collabDom.p95, bareDom.p95)}`],
        line('bare   → commit p50 / p95 / max', pick('bare', 'commit')),
        line('collab → commit p50 / p95 / max', pick('collab', 'commit')),
        line('bare   → idle p50 / p95 / max', bareIdle),
        line('collab → idle p50 / p95 / max', collabIdle),
        ['collab ÷ bare → idle p50 / p95', `${ratio(collabIdle.p50, bareIdle.p50)} / ${ratio(collabIdle.p95, bareIdle.p95)}`],
        ['keystrokes reached the server', typedAtServer ? 'yes, all of them at the caret' : 'NO'],
      ],
      goals: [
        check(`collab keystroke → DOM p95 ≤ ${GOAL_P95_MS} ms`, ms(collabDom.p95), collabDom.p95 <= GOAL_P95_MS),
        check(`collab p95 ≤ ${GOAL_RATIO}× bare p95`, ratio(collabDom.p95, bareDom.p95), collabDom.p95 <= GOAL_RATIO * bareDom.p95),
      ],
    };
  } finally {
    await browser?.close();
    await pages?.close();
    await desk?.server.dispose();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, benchTypingLatency);
