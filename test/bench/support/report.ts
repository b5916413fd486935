/**
 * What every benchmark hands back to `run.ts`, and how a result is printed: its figures, then each
 * goal as PASS or MISSED. A missed goal is reported, never thrown: benchmarks inform, they do not gate.
 */

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One goal a benchmark checks, e.g. `p95 ≤ 50 ms`, with the measured value that decided it. */
export interface GoalCheck { goal: string; measured: string; pass: boolean }

export interface BenchResult {
  name: string;
  /** Label → printed figure, in print order. */
  figures: Array<[string, string]>;
  goals: GoalCheck[];
}

export function check(goal: string, measured: string, pass: boolean): GoalCheck {
  return { goal, measured, pass };
}

export function printResult(result: BenchResult): void {
  const width = Math.max(...result.figures.map(([label]) => label.length));
  console.log(`\n== ${result.name} ==`);
  for (const [label, value] of result.figures) console.log(`  ${label.padEnd(width)}  ${value}`);
  for (const goal of result.goals) {
    console.log(`  ${goal.pass ? 'PASS  ' : 'MISSED'}  ${goal.goal}  (measured ${goal.measured})`);
  }
}

/** Runs a benchmark when its file is the entry point (`tsx test/bench/x.ts`); prints its result. */
export async function runIfMain(moduleUrl: string, bench: () => Promise<BenchResult>): Promise<void> {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
  try {
    printResult(await bench());
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
