/**
 * Sync latency: client A types one character into a Y.Text, client B waits until its own Y.Doc holds
 * it, then the next character. Both clients are plain Y.Docs with real HocuspocusProviders over real
 * WebSockets (rawClient.ts), in this process; the servers are child processes. Measured against the
 * desk server (auth, access table, SQLite update log written before every acknowledgement) and, in the
 * same run with the same client code, a bare Hocuspocus server with no extensions. Rounds alternate
 * between the two so drift on a noisy machine falls on both alike.
 *
 * Goals: desk p95 ≤ 50 ms on loopback, and desk p95 at most 5 ms above the bare server's p95.
 */
import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { startBareServer, type BareServer } from './support/bareServer';
import { startDeskFixture, type DeskFixture } from './support/desk';
import { connectRawClient, withTimeout, type RawClient } from './support/rawClient';
import { check, runIfMain, type BenchResult } from './support/report';
import { ms, ratio, summarize } from './support/stats';

const EDITS_PER_ROUND = 100;
const ROUNDS = 6;
const WARMUP_EDITS = 50;
const TEXT_KEY = 'sync-latency';

interface Pair { a: RawClient; b: RawClient; close(): void }

async function connectPair(wsUrl: string, documentName: string, tokens: [string, string]): Promise<Pair> {
  const a = connectRawClient(wsUrl, documentName, tokens[0]);
  const b = connectRawClient(wsUrl, documentName, tokens[1]);
  await Promise.all([a.synced(), b.synced()]);
  return { a, b, close: () => { a.destroy(); b.destroy(); } };
}

/** Resolves when `text` first reaches `length` characters. */
function lengthReached(text: Y.Text, length: number): Promise<void> {
  return new Promise((done) => {
    if (text.length >= length) return done();
    const observer = (): void => {
      if (text.length < length) return;
      text.unobserve(observer);
      done();
    };
    text.observe(observer);
  });
}

/** Types `count` characters at A, one at a time, each timed until B has it. */
async function typeAndObserve(pair: Pair, count: number): Promise<number[]> {
  const sent = pair.a.doc.getText(TEXT_KEY);
  const seen = pair.b.doc.getText(TEXT_KEY);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const arrived = lengthReached(seen, sent.length + 1);
    const started = performance.now();
    sent.insert(sent.length, '字');
    await withTimeout(arrived, 10_000, 'the edit at B');
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchSyncLatency(): Promise<BenchResult> {
  let desk: DeskFixture | null = null;
  let bare: BareServer | null = null;
  const pairs: Pair[] = [];
  try {
    desk = await startDeskFixture();
    bare = await startBareServer();
    const documentId = await desk.sharedDocument('同步延迟测试');
    const deskPair = await connectPair(desk.server.wsUrl, documentId, [desk.alice.token, desk.bob.token]);
    const barePair = await connectPair(bare.wsUrl, 'sync-latency', ['', '']);
    pairs.push(deskPair, barePair);

    await typeAndObserve(deskPair, WARMUP_EDITS);
    await typeAndObserve(barePair, WARMUP_EDITS);
    const deskSamples: number[] = [];
    const bareSamples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order: Array<[Pair, number[]]> = round % 2 === 0
        ? [[deskPair, deskSamples], [barePair, bareSamples]]
        : [[barePair, bareSamples], [deskPair, deskSamples]];
      for (const [pair, samples] of order) samples.push(...await typeAndObserve(pair, EDITS_PER_ROUND));
    }

    const d = summarize(deskSamples);
    const b = summarize(bareSamples);
    return {
      name: 'sync latency (A types one character → B has it)',
      figures: [
        ['edits per server', `${d.n} (after ${WARMUP_EDITS} warm-up, ${ROUNDS} alternating rounds)`],
        ['desk  p50 / p95 / max', `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.max)}`],
        ['bare  p50 / p95 / max', `${ms(b.p50)} / ${ms(b.p95)} / ${ms(b.max)}`],
        ['desk − bare p50 / p95', `${ms(d.p50 - b.p50)} / ${ms(d.p95 - b.p95)}`],
        ['desk ÷ bare p50 / p95', `${ratio(d.p50, b.p50)} / ${ratio(d.p95, b.p95)}`],
      ],
      goals: [
        check('desk p95 ≤ 50 ms', ms(d.p95), d.p95 <= 50),
        check('desk p95 ≤ bare p95 + 5 ms', `+${ms(d.p95 - b.p95)}`, d.p95 - b.p95 <= 5),
      ],
    };
  } finally {
    for (const pair of pairs) pair.close();
    await bare?.stop();
    await desk?.server.dispose();
  }
}

await runIfMain(import.meta.url, benchSyncLatency);
