import { appendFileSync } from 'node:fs';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

/**
 * A long-turn logger for finding what holds the event loop (issue 17's tail), off unless
 * WENGAO_LOOP_TRACE names a file. Parts of the server wrap their synchronous work in `traced(label,
 * fn)`; a 5 ms ticker sees each stall of the loop (a tick later than due by more than
 * WENGAO_LOOP_TRACE_MS, 10 by default) and charges it to the labels timed since the previous tick
 * (what is left over is `(unlabelled)`: Hocuspocus, the sockets, the tick's own delay). Every 5 s, and
 * at exit, one JSON line is appended to the file: the stalls, their labels' time, GC pauses and the
 * loop delay's percentiles. Disabled, `traced` only calls `fn`.
 */
const file = process.env.WENGAO_LOOP_TRACE || '';
const TICK_MS = 5;

interface LabelTotals { turns: number; ms: number; calls: number }

let since = new Map<string, { ms: number; calls: number }>();
let gcSince = 0;

/** Runs `fn`, charging its time to `label` when the trace is on. */
export function traced<T>(label: string, fn: () => T): T {
  if (!file) return fn();
  const started = performance.now();
  try {
    return fn();
  } finally {
    const entry = since.get(label) ?? { ms: 0, calls: 0 };
    entry.ms += performance.now() - started;
    entry.calls += 1;
    since.set(label, entry);
  }
}

/** Starts the ticker when the trace is on; returns its stop (which writes the last line). */
export function startLoopTrace(): () => void {
  if (!file) return () => undefined;
  const threshold = Number(process.env.WENGAO_LOOP_TRACE_MS ?? 10);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const gc = new PerformanceObserver((list) => { for (const entry of list.getEntries()) gcSince += entry.duration; });
  gc.observe({ entryTypes: ['gc'] });
  let labels = new Map<string, LabelTotals>();
  let stalls: number[] = [];
  let gcInStalls = 0;
  let gcTotal = 0;
  let last = performance.now();
  // This thread's own CPU (Node 23.9+), else the process's: a stall with little CPU was the OS's, not ours.
  const cpu = (): number => { const u = process.threadCpuUsage?.() ?? process.cpuUsage(); return (u.user + u.system) / 1000; };
  let lastCpu = cpu();
  let stallCpu = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    last = now;
    const cpuNow = cpu();
    const used = cpuNow - lastCpu;
    lastCpu = cpuNow;
    gcTotal += gcSince;
    if (late > threshold) {
      stalls.push(late);
      stallCpu += Math.min(used, late + TICK_MS);
      gcInStalls += gcSince;
      let charged = 0;
      for (const [label, { ms, calls }] of since) {
        const totals = labels.get(label) ?? { turns: 0, ms: 0, calls: 0 };
        totals.turns += 1;
        totals.ms += ms;
        totals.calls += calls;
        labels.set(label, totals);
        charged += ms;
      }
      const rest = labels.get('(unlabelled)') ?? { turns: 0, ms: 0, calls: 0 };
      rest.turns += 1;
      rest.ms += Math.max(0, late - charged - gcSince);
      labels.set('(unlabelled)', rest);
    }
    since = new Map();
    gcSince = 0;
  }, TICK_MS);
  tick.unref();
  const write = (): void => {
    const round = (n: number): number => Math.round(n * 10) / 10;
    const top = [...labels].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)
      .map(([label, t]) => ({ label, turns: t.turns, ms: round(t.ms), calls: t.calls }));
    stalls.sort((a, b) => b - a);
    const line = {
      at: new Date().toISOString(), stalls: stalls.length, stallMs: round(stalls.reduce((s, n) => s + n, 0)), stallCpuMs: round(stallCpu),
      longest: stalls.slice(0, 5).map(round), gcMs: round(gcTotal), gcInStallsMs: round(gcInStalls),
      delayMs: { p50: round(delay.percentile(50) / 1e6), p99: round(delay.percentile(99) / 1e6), max: round(delay.max / 1e6) },
      top,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    labels = new Map();
    stalls = [];
    gcInStalls = 0;
    gcTotal = 0;
    stallCpu = 0;
    delay.reset();
  };
  const every = setInterval(write, 5_000);
  every.unref();
  return () => {
    clearInterval(tick);
    clearInterval(every);
    gc.disconnect();
    write();
  };
}

/** `database` with each statement's run timed as `sql:<its first words>` (the trace on), else `database` itself. */
export function tracedSqlite(database: SqliteDatabase): SqliteDatabase {
  if (!file) return database;
  return {
    close: () => database.close(),
    prepare: (text: string): SqliteStatement => {
      const statement = database.prepare(text);
      const label = `sql:${text.replace(/\s+/g, ' ').slice(0, 48)}`;
      return {
        reader: statement.reader,
        all: (parameters) => traced(label, () => statement.all(parameters)),
        run: (parameters) => traced(label, () => statement.run(parameters)),
        iterate: (parameters) => traced(label, () => statement.iterate(parameters)),
      };
    },
  };
}
