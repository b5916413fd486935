/**
 * Collaboration under load on several instances (issue 17): the load of collabLoad.ts (N editors over
 * N/5 documents, each typing every 1–2 s) on three desk-server instances sharing PostgreSQL and Redis,
 * beside one instance on the same PostgreSQL (its fair peer: the same database, no Redis), in the
 * same run with the same client code. The editors of a document are spread over the instances in
 * turn, as a round-robin balancer spreads them, so nearly every edit crosses Redis: the figure is the
 * cost of a document's editors not sharing an instance. CPU is the sum over the instances (Redis and
 * PostgreSQL not counted, in either run).
 *
 * Settings: LOAD_STEPS=100,200,400,800  LOAD_SECONDS=15  LOAD_PROFILE_DIR=dir (every instance runs with
 * `--cpu-prof`; read a profile with `npx tsx test/bench/support/profileTop.ts <file>`).
 * Needs Debian's postgresql and redis-server (as the integration tests).
 */
import { randomBytes } from 'node:crypto';
import { createWriters, startDeskServer, type RunningServer } from '../support/server';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { startRedis, type TestRedis } from '../support/redis';
import { runEditors, type LoadDocument, type LoadRun } from './support/loadEditors';
import { cpuSeconds, rssMiB } from './support/processUsage';
import { check, runIfMain, type BenchResult, type GoalCheck } from './support/report';
import { ms, percentile, ratio } from './support/stats';

const PER_DOCUMENT = 5;
const WARMUP_MS = 5_000;
const INSTANCES = 3;

interface Figures { p50: number; p95: number; p99: number; cpu: number; rss: number; held: boolean; run: LoadRun }

/** One side of the comparison: its instances, and a document per 5 editors on it. */
interface Side { instances: RunningServer[]; documents: string[]; tokens: string[] }

async function measure(pids: Array<number | undefined>, documents: LoadDocument[], measureMs: number): Promise<Figures> {
  let rss = 0;
  const started = { cpu: 0, at: 0 };
  const cpu = (): number => pids.reduce<number>((sum, pid) => sum + cpuSeconds(pid), 0);
  const sampler = setInterval(() => { rss = Math.max(rss, pids.reduce<number>((sum, pid) => sum + rssMiB(pid), 0)); }, 500);
  const window = setTimeout(() => { started.cpu = cpu(); started.at = Date.now(); }, WARMUP_MS);
  try {
    const run = await runEditors(documents, WARMUP_MS, measureMs);
    const used = (cpu() - started.cpu) / ((Date.now() - started.at) / 1000);
    const held = run.sent > 0 && run.unseen / run.sent <= 0.01;
    return { p50: percentile(run.samples, 50), p95: percentile(run.samples, 95), p99: percentile(run.samples, 99), cpu: used, rss, held, run };
  } finally {
    clearInterval(sampler);
    clearTimeout(window);
  }
}

function row(f: Figures): string {
  return `${ms(f.p50)} / ${ms(f.p95)} / ${ms(f.p99)}  CPU ${(f.cpu * 100).toFixed(0)}%  RSS ${f.rss.toFixed(0)} MiB  (${f.run.samples.length} edits seen by all${f.run.unseen > 0 ? `, ${f.run.unseen} not` : ''})`;
}

/** Starts `count` instances on one new database (the first alone: it migrates), `redisUrl` when several. */
async function startSide(postgres: TestPostgres, count: number, most: number, redisUrl?: string): Promise<Side> {
  const env: Record<string, string> = {
    WENGAO_DATABASE_URL: await postgres.createDatabase(),
    // One audit key for the instances of one database.
    WENGAO_AUDIT_KEY: randomBytes(32).toString('hex'),
    ...(redisUrl && { WENGAO_REDIS_URL: redisUrl }),
    ...(process.env.LOAD_PROFILE_DIR && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.LOAD_PROFILE_DIR}` }),
  };
  const instances = [await startDeskServer({ env })];
  const rest = await Promise.allSettled(Array.from({ length: count - 1 }, () => startDeskServer({ env })));
  for (const started of rest) if (started.status === 'fulfilled') instances.push(started.value);
  if (instances.length < count) {
    await Promise.all(instances.map((i) => i.dispose()));
    throw rest.find((r) => r.status === 'rejected')?.reason;
  }
  const { writers, ids } = await createWriters(instances[0], 'alice', 'bob', 'carol', 'dave', 'erin');
  const documents: string[] = [];
  for (let i = 0; i < most; i++) {
    const { id } = await writers[0].ok<{ id: string }>('POST', '/api/documents', { title: `负载测试 ${i + 1}`, kind: 'research', blocks: [] });
    for (const userId of ids.slice(1)) await writers[0].ok('POST', `/api/documents/${id}/collaborators`, { userId });
    documents.push(id);
  }
  return { instances, documents, tokens: writers.map((w) => w.token) };
}

function loadOn(side: Side, count: number): LoadDocument[] {
  let next = 0;
  return side.documents.slice(0, count).map((name) => ({
    wsUrl: side.instances[0].wsUrl,
    // Round-robin over the instances, editor after editor, as a balancer hands out connections.
    wsUrls: side.tokens.map(() => side.instances[next++ % side.instances.length].wsUrl),
    name,
    tokens: side.tokens,
  }));
}

export async function benchCollabLoadCluster(): Promise<BenchResult> {
  const measureMs = Number(process.env.LOAD_SECONDS ?? 15) * 1000;
  const steps = (process.env.LOAD_STEPS ?? '100,200,400').split(',').map(Number).filter((n) => n >= PER_DOCUMENT);
  let postgres: TestPostgres | null = null;
  let redis: TestRedis | null = null;
  const sides: Side[] = [];
  const figures: Array<[string, string]> = [];
  const goals: GoalCheck[] = [];
  try {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    if (!postgres || !redis) throw new Error('needs PostgreSQL and redis-server (Debian: postgresql redis-server)');
    const most = Math.max(...steps) / PER_DOCUMENT;
    const one = await startSide(postgres, 1, most);
    sides.push(one);
    const three = await startSide(postgres, INSTANCES, most, redis.url);
    sides.push(three);
    figures.push(['columns', 'p50 / p95 / p99 of "every other editor sees the edit", CPU of the instances (100% = one core), their RSS']);
    for (const [index, editors] of steps.entries()) {
      const count = editors / PER_DOCUMENT;
      const runOne = (): Promise<Figures> => measure(one.instances.map((i) => i.pid()), loadOn(one, count), measureMs);
      const runThree = (): Promise<Figures> => measure(three.instances.map((i) => i.pid()), loadOn(three, count), measureMs);
      // Steps alternate which side goes first.
      let a: Figures;
      let b: Figures;
      if (index % 2 === 0) {
        a = await runOne();
        b = await runThree();
      } else {
        b = await runThree();
        a = await runOne();
      }
      figures.push([`${editors} editors one instance`, row(a)]);
      figures.push([`${editors} editors ${INSTANCES} instances`, row(b)]);
      figures.push([`${editors} editors ${INSTANCES} ÷ one p95`, ratio(b.p95, a.p95)]);
      goals.push(check(`${editors} editors: ${INSTANCES} instances hold (≥ 99% of edits seen by all)`, `${b.run.unseen} of ${b.run.sent} not seen`, b.held));
    }
    return { name: `collaboration load, one instance beside ${INSTANCES} on PostgreSQL + Redis (${PER_DOCUMENT} editors a document spread over the instances, ${measureMs / 1000} s a step)`, figures, goals };
  } finally {
    for (const side of sides) await Promise.all(side.instances.map((i) => i.dispose()));
    await redis?.stop();
    await postgres?.stop();
  }
}

await runIfMain(import.meta.url, benchCollabLoadCluster);
