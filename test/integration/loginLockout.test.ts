/**
 * Regression of issue 12: behind the recommended reverse proxy every user had the proxy's address, so
 * five wrong passwords for a username locked its real owner out. The proxy is now trusted by
 * configuration (WENGAO_TRUST_PROXY), and wrong passwords block the guessing address and slow down
 * unknown devices; the right password from a device that logged in before always gets in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';
import { expectChineseError } from '../support/chinese';

let server: RunningServer;
let untrusting: RunningServer;

beforeAll(async () => {
  [server, untrusting] = await Promise.all([
    startDeskServer({ env: { WENGAO_TRUST_PROXY: '127.0.0.1' } }),
    startDeskServer({ env: { WENGAO_TRUST_PROXY: '10.9.9.9' } }),
  ]);
  await createWriters(server, 'bob', 'carol');
  await createWriters(untrusting, 'bob');
});
afterAll(async () => { await Promise.all([server.dispose(), untrusting.dispose()]); });

interface Attempt { status: number; body: unknown; cookie: string | null; ms: number }

/** A login through the proxy: X-Forwarded-For names the client, `device` is its device cookie. */
async function login(target: RunningServer, username: string, password: string, from: string, device: string | null = null): Promise<Attempt> {
  const started = Date.now();
  const response = await fetch(`${target.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(device && { cookie: device }) },
    body: JSON.stringify({ username, password }),
  });
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('wengao_device='));
  return { status: response.status, body: await response.json(), cookie: setCookie ? setCookie.split(';')[0] : null, ms: Date.now() - started };
}

describe('a lockout from behind the proxy', () => {
  it('lets the user in from a known device right after an attacker’s wrong passwords', async () => {
    const desk = await login(server, 'bob', 'bob-pass', '10.1.1.5');
    expect(desk.status).toBe(200);
    expect(desk.cookie).toMatch(/^wengao_device=.{40,}$/);

    const attacker = [];
    for (let i = 0; i < 7; i++) attacker.push((await login(server, 'bob', `guess-${i}`, '203.0.113.9')).status);
    expect(attacker).toEqual([401, 401, 401, 401, 401, 401, 401]);

    const again = await login(server, 'bob', 'bob-pass', '10.1.1.5', desk.cookie);
    expect(again.status).toBe(200);
    expect(again.ms).toBeLessThan(1000);
  }, 60_000);

  it('slows the account down for unknown devices but lets the right password in', async () => {
    // bob's account has seven failures from the test above: an unknown device waits, then gets in.
    const laptop = await login(server, 'bob', 'bob-pass', '10.1.1.77');
    expect(laptop.status).toBe(200);
    expect(laptop.ms).toBeGreaterThanOrEqual(1000);
    expect(laptop.cookie).not.toBeNull();
  }, 60_000);

  it('blocks the address that keeps guessing, and only that address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await login(server, `nobody-${i}`, 'guess', '198.51.100.23')).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const blocked = await login(server, 'carol', 'carol-pass', '198.51.100.23');
    expect(blocked.status).toBe(429);
    expectChineseError(blocked.body);
    expect((await login(server, 'carol', 'carol-pass', '198.51.100.24')).status).toBe(200);
  }, 60_000);

  it('locks a stolen device cookie after five wrong passwords, not the account', async () => {
    const desk = await login(server, 'carol', 'carol-pass', '10.1.1.9');
    const thief = [];
    for (let i = 0; i < 6; i++) thief.push((await login(server, 'carol', `guess-${i}`, '192.0.2.1', desk.cookie)).status);
    expect(thief).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login(server, 'carol', 'carol-pass', '10.1.1.10')).status).toBe(200);
  }, 60_000);

  it('ignores a device cookie that is forged or belongs to someone else', async () => {
    const carols = await login(server, 'carol', 'carol-pass', '10.1.1.11');
    const forged = `${carols.cookie?.slice(0, -4)}AAAA`;
    for (const cookie of [forged, carols.cookie]) {
      const attempt = await login(server, 'bob', 'wrong-password', '10.1.1.12', cookie);
      expect(attempt.status).toBe(401);
    }
  }, 60_000);

  it('believes X-Forwarded-For only from the trusted proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login(untrusting, `nobody-${i}`, 'guess', `203.0.113.${i}`)).status);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);

  it('does not offer first-start setup to a client forwarded by the proxy', async () => {
    const response = await fetch(`${server.url}/api/setup`, { headers: { 'x-forwarded-for': '203.0.113.50' } });
    expect(await response.json()).toEqual({ needed: false, allowed: false });
    const local = await new ApiClient(server.url).request('GET', '/api/setup');
    expect(local.body).toEqual({ needed: false, allowed: true });
  });
});
