/**
 * `npm run bench`: runs the collaboration benchmarks one after the other (sync latency, load, opening a
 * large document, typing latency in the browser, typing in 修订 mode, the PDF export, the authorship check on body updates), prints each one's figures and then a summary of
 * every goal. A missed goal is printed as MISSED and still exits 0: benchmarks inform, they do not
 * gate. A benchmark that cannot run at all (a crash, a timeout) exits 1.
 */
import { cpus, loadavg } from 'node:os';
import { benchOpenLargeDocument } from './openLargeDocument';
import { benchSyncLatency } from './syncLatency';
import { benchCollabLoad } from './collabLoad';
import { benchTypingLatency } from './typingLatency';
import { benchSuggestingLatency } from './suggestingLatency';
import { benchPdfExport } from './pdfExport';
import { benchSuggestionAuthorship } from './suggestionAuthorship';
import { printResult, type BenchResult } from './support/report';

const BENCHES: Array<[string, () => Promise<BenchResult>]> = [
  ['syncLatency', benchSyncLatency],
  ['collabLoad', benchCollabLoad],
  ['openLargeDocument', benchOpenLargeDocument],
  ['typingLatency', benchTypingLatency],
  ['suggestingLatency', benchSuggestingLatency],
  ['pdfExport', benchPdfExport],
  ['suggestionAuthorship', benchSuggestionAuthorship],
];

interface Row { bench: string; goal: string; measured: string; verdict: 'PASS' | 'MISSED' | 'ERROR' }

/** The figures only mean something next to how busy the machine was. */
function machineLoad(): string {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} on ${cpus().length} cores`;
}

console.log(`${machineLoad()}, Node ${process.version}`);
const rows: Row[] = [];
for (const [name, bench] of BENCHES) {
  const started = Date.now();
  try {
    const result = await bench();
    printResult(result);
    console.log(`  (${name} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const goal of result.goals) {
      rows.push({ bench: name, goal: goal.goal, measured: goal.measured, verdict: goal.pass ? 'PASS' : 'MISSED' });
    }
  } catch (error) {
    console.error(`\n== ${name} could not run ==\n`, error);
    rows.push({ bench: name, goal: '(did not run)', measured: error instanceof Error ? error.message.split('\n')[0] : String(error), verdict: 'ERROR' });
  }
}

const widths = {
  bench: Math.max(5, ...rows.map((r) => r.bench.length)),
  goal: Math.max(4, ...rows.map((r) => r.goal.length)),
  measured: Math.max(8, ...rows.map((r) => r.measured.length)),
};
console.log(`\n== summary == (${machineLoad()})`);
console.log(`  ${'bench'.padEnd(widths.bench)}  ${'goal'.padEnd(widths.goal)}  ${'measured'.padEnd(widths.measured)}  result`);
for (const r of rows) {
  console.log(`  ${r.bench.padEnd(widths.bench)}  ${r.goal.padEnd(widths.goal)}  ${r.measured.padEnd(widths.measured)}  ${r.verdict}`);
}
const missed = rows.filter((r) => r.verdict === 'MISSED').length;
const errors = rows.filter((r) => r.verdict === 'ERROR').length;
const verdicts = [
  ...(missed > 0 ? [`MISSED: ${missed} goal(s).`] : []),
  ...(errors > 0 ? [`ERROR: ${errors} benchmark(s) did not run.`] : []),
];
console.log(verdicts.length === 0 ? '\nAll goals met.' : `\n${verdicts.join(' ')}`);
process.exitCode = errors > 0 ? 1 : 0;
