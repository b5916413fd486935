/**
 * Typing in 修订 mode (issue 15): keystroke to DOM in the same 40,000-character body and the same
 * page as typingLatency.ts, once with 修订 on (registerSuggesting, every keystroke wrapped into the
 * typist's insertion) over a body holding 200 pending suggestions of two other reviewers, and once
 * bare (no 修订, no suggestions): the editor a writer types in when nobody reviews. Both local, with no
 * server, so the figure is the capture's own cost. Rounds alternate, each in a fresh page.
 *
 * Goal: 修订 p95 keystroke → DOM ≤ 1.5× the bare editor's p95 in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { check, runIfMain, type BenchResult } from './support/report';
import { serveFolder, type StaticServer } from './support/staticServer';
import { ms, ratio, summarize } from './support/stats';
import type { KeystrokeSample } from './typing/protocol';
import { buildPage, CHROMIUM_ARGS, PARAGRAPH_CHARS, PARAGRAPHS, typeInPage } from './typingLatency';

const ROUNDS = 2;
const GOAL_RATIO = 1.5;

type Mode = 'bare' | 'suggest';

export async function benchSuggestingLatency(): Promise<BenchResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'wengao-suggesting-bench-'));
  let pages: StaticServer | null = null;
  let browser: Browser | null = null;
  try {
    await buildPage(outDir);
    pages = await serveFolder(outDir);
    const url = (mode: Mode): string => `${pages?.url}/?mode=${mode}&paragraphs=${PARAGRAPHS}&chars=${PARAGRAPH_CHARS}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const collected: Record<Mode, KeystrokeSample[]> = { bare: [], suggest: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Mode[] = round % 2 === 0 ? ['bare', 'suggest'] : ['suggest', 'bare'];
      for (const mode of order) collected[mode].push(...await typeInPage(browser, url(mode)));
    }
    const dom = (mode: Mode) => summarize(collected[mode].map((s) => s.dom));
    const idle = (mode: Mode) => summarize(collected[mode].map((s) => s.idle));
    const bare = dom('bare');
    const suggest = dom('suggest');
    return {
      name: `typing in 修订 mode (${PARAGRAPHS * PARAGRAPH_CHARS} characters, 200 pending suggestions)`,
      figures: [
        ['keystrokes per mode', String(suggest.n)],
        ['bare → DOM p50 / p95 / max', `${ms(bare.p50)} / ${ms(bare.p95)} / ${ms(bare.max)}`],
        ['修订 → DOM p50 / p95 / max', `${ms(suggest.p50)} / ${ms(suggest.p95)} / ${ms(suggest.max)}`],
        ['修订 ÷ bare → DOM p50 / p95', `${ratio(suggest.p50, bare.p50)} / ${ratio(suggest.p95, bare.p95)}`],
        ['bare → idle p95 / 修订 → idle p95', `${ms(idle('bare').p95)} / ${ms(idle('suggest').p95)}`],
      ],
      goals: [check(`修订 p95 ≤ ${GOAL_RATIO}× bare p95`, ratio(suggest.p95, bare.p95), suggest.p95 <= GOAL_RATIO * bare.p95)],
    };
  } finally {
    await browser?.close();
    await pages?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, benchSuggestingLatency);
