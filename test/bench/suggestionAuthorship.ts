/**
 * The cost of the server's authorship check on body updates (src/server/collab/suggestionAuthorship.ts),
 * against what the server pays for the same update anyway: applying it to the live document. For
 * each update in order, the check runs on the decoded update (decoding was paid before the check
 * existed) and then the update is applied, each timed. Three streams: typing into a Y.Text, typing with a map write beside it (each update
 * overwrites a map entry, whose key the check must look up), and a headless Lexical editor in 修订
 * typing into a body (new suggestion elements and deletion marks: the metas it reads in full).
 *
 * `npx tsx test/bench/suggestionAuthorship.ts` (AUTHORSHIP_UPDATES=4000). Goal: the check costs at
 * most a quarter of the apply it guards, in every stream (the median of five runs).
 */
import * as Y from 'yjs';
import { $getRoot, $isTextNode } from 'lexical';
import { bindHeadlessEditor } from '../../src/core/editor/headless';
import { registerSuggesting } from '../../src/core/suggestions/capture';
import { $fill, ALICE } from '../../src/core/suggestions/testing';
import { SuggestionAuthorship } from '../../src/server/collab/suggestionAuthorship';
import { inspectIncomingUpdate } from '../../src/server/collab/syncMessage';
import { check, runIfMain, type BenchResult, type GoalCheck } from './support/report';

interface Stream { name: string; seed: Uint8Array; updates: Uint8Array[] }

function recorded(doc: Y.Doc, edits: number, edit: (i: number) => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < edits; i += 1) edit(i);
  return updates;
}

function textStream(edits: number, withMap: boolean): Stream {
  const doc = new Y.Doc();
  const text = doc.getText('body');
  text.insert(0, '各街道、各部门：现将有关事项通知如下。'.repeat(50));
  const seed = Y.encodeStateAsUpdate(doc);
  const marks = doc.getMap<number>('marks');
  const updates = recorded(doc, edits, (i) => doc.transact(() => {
    text.insert(text.length, '请认真贯彻落实。');
    if (withMap) marks.set(String(i % 5), i);
  }));
  return { name: withMap ? 'typing with a map write' : 'typing', seed, updates };
}

function suggestingStream(edits: number): Stream {
  const doc = new Y.Doc();
  const { editor, dispose } = bindHeadlessEditor(doc);
  editor.update(() => $fill(Array.from({ length: 40 }, () => ['各街道、各部门：现将有关事项通知如下。'])), { discrete: true });
  const seed = Y.encodeStateAsUpdate(doc);
  const stop = registerSuggesting(editor, ALICE);
  const updates = recorded(doc, edits, (i) => editor.update(() => {
    const texts = $getRoot().getAllTextNodes().filter($isTextNode);
    const node = texts[(i * 7) % texts.length];
    const at = Math.min(2, node.getTextContentSize());
    // Alternately type a word and strike one character: new insertions and deletion marks.
    if (i % 2 === 0) node.select(at, at).insertText('认真');
    else node.select(at, Math.min(at + 1, node.getTextContentSize())).removeText();
  }, { discrete: true }));
  stop();
  dispose();
  return { name: '修订 in a Lexical body', seed, updates };
}

async function measure(stream: Stream): Promise<{ check: number; apply: number; updates: number }> {
  const server = new Y.Doc();
  Y.applyUpdate(server, stream.seed);
  const authorship = new SuggestionAuthorship();
  let checking = 0;
  let applying = 0;
  let refused = 0;
  for (const update of stream.updates) {
    // The decoding was paid before the check existed (the server validates every update by it).
    const decoded = inspectIncomingUpdate(update);
    let started = performance.now();
    const verdict = decoded === null || authorship.allows('bench', server, decoded, ALICE);
    const allowed = typeof verdict === 'boolean' ? verdict : await verdict;
    checking += performance.now() - started;
    if (!allowed) refused += 1;
    started = performance.now();
    Y.applyUpdate(server, update);
    applying += performance.now() - started;
  }
  if (refused > 0) throw new Error(`${stream.name}: ${refused} honest updates refused`);
  return { check: (checking * 1000) / stream.updates.length, apply: (applying * 1000) / stream.updates.length, updates: stream.updates.length };
}

export async function benchSuggestionAuthorship(): Promise<BenchResult> {
  const edits = Number(process.env.AUTHORSHIP_UPDATES ?? 4000);
  const streams = [textStream(edits, false), textStream(edits, true), suggestingStream(Math.min(edits, 1500))];
  const figures: Array<[string, string]> = [];
  const goals: GoalCheck[] = [];
  for (const stream of streams) {
    await measure(stream); // warm-up
    // The median of five runs by the check's share: a GC or another process lands on one run, not all.
    const runs: Array<{ check: number; apply: number; updates: number }> = [];
    for (let i = 0; i < 5; i += 1) runs.push(await measure(stream));
    runs.sort((x, y) => x.check / x.apply - y.check / y.apply);
    const { check: c, apply: a, updates } = runs[2];
    figures.push([stream.name, `check ${c.toFixed(2)} µs, apply ${a.toFixed(2)} µs an update (${updates} updates): ${(c / a).toFixed(2)}×`]);
    goals.push(check(`${stream.name}: check ≤ 0.25× the apply`, `${(c / a).toFixed(2)}×`, c <= 0.25 * a));
  }
  return { name: 'authorship check on incoming body updates (decode + check, against applying the update)', figures, goals };
}

await runIfMain(import.meta.url, benchSuggestionAuthorship);
