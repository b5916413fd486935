/**
 * Starts the baseline bare Hocuspocus server (bareServerMain.ts) as a child process on a free port.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, SERVER_NODE } from '../../support/server';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface BareServer {
  wsUrl: string;
  /** The child's process id (for its CPU time and memory). */
  pid: number | undefined;
  /** Stops the child with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts it, with extra environment `env` (e.g. NODE_OPTIONS for a profile). */
export async function startBareServer(env?: Record<string, string>): Promise<BareServer> {
  const port = await freePort();
  // The same Node as the desk server's (test/support/server.ts), so the two compare on one runtime.
  const child = spawn(SERVER_NODE, ['--import', 'tsx', 'test/bench/support/bareServerMain.ts', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stderr.on('data', (chunk: Buffer) => { printed += chunk.toString(); });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`bare Hocuspocus did not start in 30 s:\n${printed}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('ready')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`bare Hocuspocus exited with ${code}:\n${printed}`));
    });
  });
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
