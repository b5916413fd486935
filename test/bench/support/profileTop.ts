/**
 * Prints the top self-time functions of a V8 `.cpuprofile` (as written by `node --cpu-prof`):
 * `npx tsx test/bench/support/profileTop.ts <file> [count]`. Self time is the sampled time spent in
 * the function itself, not in what it calls; `(idle)`, `(program)` and `(garbage collector)` are V8's.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Self milliseconds per function (name, file:line), largest first. */
export function topSelfTime(profile: Profile): Array<{ name: string; ms: number; share: number }> {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = byNode.get(node.id) ?? 0;
    if (micros === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/src\//, 'src/');
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
  return [...byFunction].map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total })).sort((a, b) => b.ms - a.ms);
}

const [file, count = '20'] = process.argv.slice(2);
if (file) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const busy = topSelfTime(profile).filter((f) => f.name !== '(idle)');
  const busyMs = busy.reduce((a, f) => a + f.ms, 0);
  console.log(`${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled, ${(busyMs / 1000).toFixed(1)} s busy`);
  for (const f of busy.slice(0, Number(count))) console.log(`${f.ms.toFixed(0).padStart(7)} ms  ${(100 * f.ms / busyMs).toFixed(1).padStart(5)}%  ${f.name}`);
}
