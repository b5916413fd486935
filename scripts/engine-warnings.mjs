// `node scripts/engine-warnings.mjs [node-version] [npm-version]`: the EBADENGINE warnings `npm ci`
// prints for this lockfile on that Node (default: this one) and npm. It checks what npm's arborist
// checks (build-ideal-tree: every package of the tree that is not optional, the root included, its
// engines.node and engines.npm, prereleases included), from the engines the lockfile records, so the
// README's count can be kept exact without a fresh install.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import semver from 'semver';

const node = process.argv[2] ?? process.version;
const npm = process.argv[3] ?? execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const fails = (version, range) => typeof range === 'string' && !semver.satisfies(version, range, { includePrerelease: true });

const warnings = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  if (entry.optional || entry.link) continue;
  const engines = entry.engines;
  if (!engines || Array.isArray(engines)) continue;
  const name = path === '' ? lock.name : path.replace(/^.*node_modules\//, '');
  if (fails(node, engines.node)) warnings.push(`${name}@${entry.version ?? lock.version} node ${engines.node}`);
  else if (fails(npm, engines.npm)) warnings.push(`${name}@${entry.version ?? lock.version} npm ${engines.npm}`);
}
console.log(`npm ci on Node ${node} (npm ${npm}): ${warnings.length} EBADENGINE warning(s)`);
for (const warning of warnings) console.log(`  ${warning}`);
