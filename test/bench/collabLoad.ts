/**
 * Collaboration under load (issue 17): N editors over N/5 documents, each typing a short sentence
 * every 1–2 s, for N in LOAD_STEPS (default 100, 200, 400). Per step: p50/p95/p99 of "every other
 * editor of the document sees the edit", the server's CPU (share of one core over the measured
 * window) and RSS — for the desk server (auth, access table, the durable update log written before
 * every acknowledgement) and, in the same run with the same client code, a bare Hocuspocus relay
 * (no extensions, memory only), on the same Node. Steps alternate which server goes first. Every
 * window of either server types into documents of its own that start empty (the relay keeps nothing
 * once a window's editors leave; the desk would keep all), so both do the same work.
 *
 * Settings: LOAD_STEPS=100,200,400,800  LOAD_SECONDS=15 (measured per step and server, after 5 s warm-up)
 * LOAD_ROUNDS=2 (each server's seconds split into this many windows, run A B B A … with the other's,
 * each after its own warm-up; a server's figures pool its windows: a machine that gets busier or
 * quieter during a step then weighs on both alike, where one window each put all of it on one;
 * each window's own p95 is printed too). Before the first step each server runs one unmeasured window.
 * LOAD_PROFILE_DIR=dir (both servers run with `--cpu-prof`; each writes its profiles on exit, the
 * desk's under dir/desk, the relay's under dir/relay).
 *
 * Goals: desk p95 ≤ 1.5× the relay's at every step it holds (a step is held when ≥ 99% of the edits
 * reached every editor in the window); at 800 editors, desk p95 ≤ 250 ms.
 */
import { startBareServer, type BareServer } from './support/bareServer';
import { startDeskFixture, type DeskFixture } from './support/desk';
import { createWriters } from '../support/server';
import { runEditors, type LoadDocument, type LoadRun } from './support/loadEditors';
import { cpuSeconds, rssMiB } from './support/processUsage';
import { check, runIfMain, type BenchResult, type GoalCheck } from './support/report';
import { ms, percentile, ratio } from './support/stats';

const PER_DOCUMENT = 5;
const WARMUP_MS = 5_000;

interface StepFigures { p50: number; p95: number; p99: number; cpu: number; rss: number; held: boolean; run: LoadRun }

function steps(): number[] {
  return (process.env.LOAD_STEPS ?? '100,200,400').split(',').map(Number).filter((n) => n >= PER_DOCUMENT);
}

async function measure(pid: number | undefined, documents: LoadDocument[], measureMs: number): Promise<StepFigures> {
  let rss = 0;
  const started = { cpu: 0, at: 0 };
  const sampler = setInterval(() => { rss = Math.max(rss, rssMiB(pid)); }, 500);
  const window = setTimeout(() => { started.cpu = cpuSeconds(pid); started.at = Date.now(); }, WARMUP_MS);
  try {
    const run = await runEditors(documents, WARMUP_MS, measureMs);
    const cpu = (cpuSeconds(pid) - started.cpu) / ((Date.now() - started.at) / 1000);
    const held = run.sent > 0 && run.unseen / run.sent <= 0.01;
    return { p50: percentile(run.samples, 50), p95: percentile(run.samples, 95), p99: percentile(run.samples, 99), cpu, rss, held, run };
  } finally {
    clearInterval(sampler);
    clearTimeout(window);
  }
}

/** The rounds of one server at one step as one measurement: their samples pooled, CPU averaged, peak RSS. */
function pooled(rounds: readonly StepFigures[]): StepFigures {
  const run: LoadRun = {
    samples: rounds.flatMap((r) => r.run.samples),
    sent: rounds.reduce((sum, r) => sum + r.run.sent, 0),
    unseen: rounds.reduce((sum, r) => sum + r.run.unseen, 0),
  };
  return {
    p50: percentile(run.samples, 50), p95: percentile(run.samples, 95), p99: percentile(run.samples, 99),
    cpu: rounds.reduce((sum, r) => sum + r.cpu, 0) / rounds.length,
    rss: Math.max(...rounds.map((r) => r.rss)),
    held: run.sent > 0 && run.unseen / run.sent <= 0.01,
    run,
  };
}

function row(label: string, f: StepFigures): string {
  const latency = `${ms(f.p50)} / ${ms(f.p95)} / ${ms(f.p99)}`;
  return `${label}  ${latency}  CPU ${(f.cpu * 100).toFixed(0)}%  RSS ${f.rss.toFixed(0)} MiB  (${f.run.samples.length} edits seen by all${f.run.unseen > 0 ? `, ${f.run.unseen} not` : ''})`;
}

export async function benchCollabLoad(): Promise<BenchResult> {
  const measureMs = Number(process.env.LOAD_SECONDS ?? 15) * 1000;
  const rounds = Math.max(1, Number(process.env.LOAD_ROUNDS ?? 2));
  const profileDir = process.env.LOAD_PROFILE_DIR;
  let desk: DeskFixture | null = null;
  let bare: BareServer | null = null;
  const figures: Array<[string, string]> = [];
  const goals: GoalCheck[] = [];
  try {
    const profiled = (under: string): Record<string, string> | undefined => (profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}/${under}` } : undefined);
    desk = await startDeskFixture(profiled('desk'));
    bare = await startBareServer(profiled('relay'));
    const { writers, ids } = await createWriters(desk.server, 'carol', 'dave', 'erin');
    const owner = desk.alice;
    const tokens = [desk.alice.token, desk.bob.token, ...writers.map((w) => w.token)];
    // Each desk window gets documents of its own, created before it: the relay's documents start empty
    // in every window too (it keeps nothing once a window's editors leave), so both do the same work.
    // (Reused, the desk's documents grew over the windows and steps: more text, a new map of marks and
    // five more Yjs clients each time, against the relay's empty ones.)
    let created = 0;
    const freshDocuments = async (count: number): Promise<string[]> => {
      const made: string[] = [];
      for (let i = 0; i < count; i++) {
        created += 1;
        const id = await desk!.sharedDocument(`负载测试 ${created}`);
        for (const userId of ids) await owner.ok('POST', `/api/documents/${id}/collaborators`, { userId });
        made.push(id);
      }
      return made;
    };
    figures.push(['columns', 'p50 / p95 / p99 of "every other editor sees the edit", server CPU (100% = one core), peak RSS']);
    // One unmeasured window per server first, at the first step's size: a freshly started server's
    // first window (code not yet optimised, caches cold, the desk's threads starting) was slower than
    // its others, and it fell on the first step alone.
    const firstCount = (steps()[0] ?? PER_DOCUMENT) / PER_DOCUMENT;
    await runEditors((await freshDocuments(firstCount)).map((name) => ({ wsUrl: desk!.server.wsUrl, name, tokens })), WARMUP_MS, 2_000);
    await runEditors(Array.from({ length: firstCount }, (_, i) => ({ wsUrl: bare!.wsUrl, name: `warm-up-${i}`, tokens: tokens.map(() => '') })), WARMUP_MS, 2_000);
    for (const [index, editors] of steps().entries()) {
      const count = editors / PER_DOCUMENT;
      const windowMs = measureMs / rounds;
      const runDesk = async (): Promise<StepFigures> => {
        const deskDocs = (await freshDocuments(count)).map((name) => ({ wsUrl: desk!.server.wsUrl, name, tokens }));
        return measure(desk!.server.pid(), deskDocs, windowMs);
      };
      let bareWindow = 0;
      const runBare = (): Promise<StepFigures> => {
        bareWindow += 1;
        const bareDocs = Array.from({ length: count }, (_, i) => ({ wsUrl: bare!.wsUrl, name: `load-${editors}-${bareWindow}-${i}`, tokens: tokens.map(() => '') }));
        return measure(bare!.pid, bareDocs, windowMs);
      };
      // A B B A …: the machine's drift (other work starting or stopping) falls on both servers alike.
      const deskRounds: StepFigures[] = [];
      const bareRounds: StepFigures[] = [];
      for (let round = 0; round < rounds; round += 1) {
        if ((index + round) % 2 === 0) {
          deskRounds.push(await runDesk());
          bareRounds.push(await runBare());
        } else {
          bareRounds.push(await runBare());
          deskRounds.push(await runDesk());
        }
      }
      const d = pooled(deskRounds);
      const b = pooled(bareRounds);
      figures.push([`${editors} editors desk`, row('', d)]);
      figures.push([`${editors} editors relay`, row('', b)]);
      figures.push([`${editors} editors desk ÷ relay p95`, ratio(d.p95, b.p95)]);
      // Each window's own p95, in the order run: a window the machine disturbed shows here.
      if (rounds > 1) figures.push([`${editors} editors p95 by window`, `desk ${deskRounds.map((r) => ms(r.p95)).join(', ')}; relay ${bareRounds.map((r) => ms(r.p95)).join(', ')}`]);
      if (d.held) goals.push(check(`${editors} editors: desk p95 ≤ 1.5× relay p95`, `${ms(d.p95)} vs ${ms(b.p95)} (${ratio(d.p95, b.p95)})`, d.p95 <= 1.5 * b.p95));
      else goals.push(check(`${editors} editors: desk holds (≥ 99% of edits seen by all)`, `${d.run.unseen} of ${d.run.sent} not seen`, false));
      if (editors === 800) goals.push(check('800 editors: desk p95 ≤ 250 ms', ms(d.p95), d.held && d.p95 <= 250));
    }
    return { name: `collaboration load (${PER_DOCUMENT} editors a document, each typing every 1–2 s, ${measureMs / 1000} s a step and server in ${rounds} windows)`, figures, goals };
  } finally {
    await bare?.stop();
    await desk?.server.dispose();
  }
}

await runIfMain(import.meta.url, benchCollabLoad);
