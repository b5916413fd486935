/**
 * Dashboard benchmark (issue 5): 100,000 ledger rows across 5 years; one year's dashboard figures
 * (GET /api/targets/progress) must come back in ≤ 200 ms on the server. Measured in the same run
 * against two peers on the same data (issue 17: a single COUNT(*) said nothing): the endpoint's own
 * two SELECTs run bare (what the rows alone cost, no HTTP, no counting), and one GROUP BY of the
 * year (what a hand-written SQL report would pay, with none of the rules). Run alone:
 * `npx tsx test/bench/dashboard.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/server/db/database';
import { startDeskServer } from '../../src/server/deskServer';
import { createLogger } from '../../src/server/log';
import { deriveFacts, pieceKey } from '../../src/core/targets/events';
import { factColumns } from '../../src/server/ledger/submissionLedger';
import type { EventType, LedgerEvent } from '../../src/core/targets/model';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const YEARS = [2019, 2020, 2021, 2022, 2023];
const RUNS = 15;
const LIMIT_MS = 200;

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function dateIn(year: number, r: () => number, afterDays = 0): string {
  const day = Math.min(364, Math.floor(r() * 330) + afterDays);
  return new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
}

async function seed(dataDir: string): Promise<void> {
  const { close } = await openDatabase({ dataDir });
  await close();
  const db = new SQLite(join(dataDir, 'wengao.db'));
  db.pragma('journal_mode = WAL');
  const outlets = db.prepare('select id, kind from outlets').all() as Array<{ id: string; kind: string }>;
  const byKind = (kind: string) => outlets.filter((o) => o.kind === kind).map((o) => o.id);
  const choices: Record<string, string[]> = { info: byKind('channel'), media: byKind('media'), comprehensive: byKind('journal'), research: byKind('journal') };
  const kinds = ['info', 'info', 'media', 'media', 'media', 'comprehensive', 'research'];
  const writers = ['张明', '李华', '王芳', '赵强', '陈静', '刘洋', '杨帆', '黄磊'];
  const now = new Date().toISOString();
  const insertRow = db.prepare(`insert into ledger_submissions (id, document_id, piece_key, title, kind, authors, outlet_id,
      status, facts, first_on, last_on, submitted_on, adopted_on, published_on, extras, created_at, created_by)
    values (@id, null, @piece_key, @title, @kind, @authors, @outlet_id,
      @status, @facts, @first_on, @last_on, @submitted_on, @adopted_on, @published_on, @extras, @created_at, 'bench')`);
  const insertEvent = db.prepare(`insert into ledger_events (submission_id, type, on_date, level, issue, page, url, summary, recorded_at, recorded_by)
    values (?, ?, ?, ?, '', '', '', '', ?, 'bench')`);
  const r = random(2023);
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const year = YEARS[i % YEARS.length];
      const kind = kinds[Math.floor(r() * kinds.length)];
      const list = choices[kind];
      const outlet = list[Math.floor(r() * list.length)];
      // About one piece in five goes to a second outlet: the same title again.
      const title = `${year}年第${Math.floor(i / 5) * 5 + (r() < 0.2 ? 0 : i % 5)}号稿件`;
      const events: LedgerEvent[] = [{ type: 'submitted', on: dateIn(year, r) }];
      const outcome = r();
      const next = (type: EventType, level?: LedgerEvent['level']) => events.push({ type, on: dateIn(year, r, 20), level });
      if (outcome < 0.6) next(kind === 'info' ? 'adopted' : 'published');
      else if (outcome < 0.8) next('rejected');
      if (kind === 'info' && r() < 0.05) next('instructed', r() < 0.5 ? 'city' : 'provincial');
      if (kind === 'research' && r() < 0.2) next('rated', 'city');
      const facts = deriveFacts(events);
      const id = randomUUID();
      insertRow.run({ id, piece_key: pieceKey(null, title), title, kind, authors: JSON.stringify([writers[i % writers.length]]),
        outlet_id: outlet, ...factColumns(facts), created_at: now });
      for (const e of events) insertEvent.run(id, e.type, e.on, e.level ?? null, now);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wengao-bench-dashboard-'));
  try {
    const seeded = performance.now();
    await seed(dataDir);
    console.log(`seeded ${ROWS.toLocaleString('en')} ledger rows across ${YEARS.length} years in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const server = await startDeskServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'bench-pass-2023', logger: createLogger('warn'), rendererDir: join(dataDir, 'none') });
    try {
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-pass-2023' }) });
      const { token } = await login.json() as { token: string };
      const headers = { authorization: `Bearer ${token}` };
      const dashboard: number[] = [];
      const cpu: number[] = [];
      let figures = '';
      for (let i = 0; i < RUNS; i++) {
        const cpuStarted = process.cpuUsage();
        const started = performance.now();
        const response = await fetch(`${server.url}/api/targets/progress?year=2023&asOf=2023-12-31`, { headers });
        const body = await response.json() as { targets: Array<{ key: string; actual: number; target: number }> };
        dashboard.push(performance.now() - started);
        const used = process.cpuUsage(cpuStarted);
        cpu.push((used.user + used.system) / 1000);
        figures = body.targets.map((t) => `${t.key} ${t.actual}/${t.target}`).join(', ');
      }

      const sqlite = new SQLite(join(dataDir, 'wengao.db'), { readonly: true });
      const timed = (run: () => unknown): number[] => Array.from({ length: RUNS }, () => {
        const started = performance.now();
        run();
        return performance.now() - started;
      });
      // The same two SELECTs as SubmissionLedger.entriesForYear, with the same columns.
      const columns = 'id, piece_key, kind, authors, outlet_id, submitted_on, adopted_on, published_on, extras';
      const inYear = sqlite.prepare(`select ${columns} from ledger_submissions where last_on >= ? and first_on <= ?`);
      const earlier = sqlite.prepare(`select ${columns} from ledger_submissions where last_on < ?
        and piece_key in (select piece_key from ledger_submissions where last_on >= ? and first_on <= ?)`);
      const ownSelects = timed(() => { inYear.all('2023-01-01', '2023-12-31'); earlier.all('2023-01-01', '2023-01-01', '2023-12-31'); });
      const groupBy = sqlite.prepare(`select kind, outlet_id, count(*) as submitted, count(adopted_on) as adopted, count(published_on) as published
        from ledger_submissions where submitted_on between ? and ? group by kind, outlet_id`);
      let groups = 0;
      const grouped = timed(() => { groups = groupBy.all('2023-01-01', '2023-12-31').length; });
      sqlite.close();

      const dashboardMs = median(dashboard);
      const selectsMs = median(ownSelects);
      const groupMs = median(grouped);
      console.log(`2023 figures: ${figures}`);
      console.log(`dashboard (GET /api/targets/progress, HTTP round trip): median ${dashboardMs.toFixed(1)} ms, max ${Math.max(...dashboard).toFixed(1)} ms over ${RUNS} runs`);
      // The server runs in this process: its CPU time per request is steadier than wall time on a busy machine.
      console.log(`dashboard CPU time (server and client in this process): median ${median(cpu).toFixed(1)} ms`);
      console.log(`peer 1, the endpoint's own two SELECTs, bare (better-sqlite3, no HTTP, no counting): median ${selectsMs.toFixed(1)} ms → dashboard is ${(dashboardMs / selectsMs).toFixed(1)}×`);
      console.log(`peer 2, one GROUP BY of the year by kind and outlet (${groups} groups, none of the counting rules): median ${groupMs.toFixed(1)} ms → dashboard is ${(dashboardMs / groupMs).toFixed(1)}×`);
      console.log(dashboardMs <= LIMIT_MS ? `PASS: ${dashboardMs.toFixed(1)} ms ≤ ${LIMIT_MS} ms` : `FAIL: ${dashboardMs.toFixed(1)} ms > ${LIMIT_MS} ms`);
      if (dashboardMs > LIMIT_MS) process.exitCode = 1;
    } finally {
      await server.close();
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true }); else console.log(dataDir);
  }
}

await main();
