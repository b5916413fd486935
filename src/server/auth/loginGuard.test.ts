import { describe, expect, it } from 'vitest';
import { LoginGuard, type Admitted, type GuardLimits } from './loginGuard';

const LIMITS: GuardLimits = { windowMs: 60_000, addressFailures: 4, deviceFailures: 2, accountFreeFailures: 2, firstDelayMs: 1_000, maxDelayMs: 4_000 };

function fail(guard: LoginGuard, username: string, address: string, deviceId: string | null = null): void {
  const admitted = guard.admit({ username, address, deviceId });
  if (!admitted.ok) throw new Error('refused');
  admitted.settle(false);
}

describe('LoginGuard', () => {
  it('slows an account down from unknown devices, doubling up to the cap, and never refuses it', () => {
    let now = 0;
    const guard = new LoginGuard(LIMITS, () => now);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const admitted = guard.admit({ username: 'Bob', address: `10.0.0.${i}`, deviceId: null }) as Admitted;
      delays.push(admitted.delayMs);
      admitted.settle(false);
    }
    expect(delays).toEqual([0, 0, 1_000, 2_000, 4_000, 4_000]);
    now = 60_000;
    expect((guard.admit({ username: 'bob', address: '10.0.0.9', deviceId: null }) as Admitted).delayMs).toBe(0);
  });

  it('refuses the address that keeps failing, over every username, and no other', () => {
    let now = 1_000;
    const guard = new LoginGuard(LIMITS, () => now);
    for (let i = 0; i < 4; i++) fail(guard, `user${i}`, '203.0.113.9');
    expect(guard.admit({ username: 'alice', address: '203.0.113.9', deviceId: null })).toEqual({ ok: false, reason: 'address', retryAfterMs: 60_000 });
    expect(guard.admit({ username: 'alice', address: '203.0.113.10', deviceId: null }).ok).toBe(true);
    now = 61_000;
    expect(guard.admit({ username: 'alice', address: '203.0.113.9', deviceId: null }).ok).toBe(true);
  });

  it('lets a known device in at once whatever was tried against the account and from its address', () => {
    const guard = new LoginGuard(LIMITS, () => 0);
    for (let i = 0; i < 4; i++) fail(guard, 'bob', '10.0.0.1');
    expect(guard.admit({ username: 'bob', address: '10.0.0.1', deviceId: 'desk' })).toMatchObject({ ok: true, delayMs: 0 });
  });

  it('locks a device token that keeps failing, and only that token', () => {
    const guard = new LoginGuard(LIMITS, () => 0);
    fail(guard, 'bob', '10.0.0.1', 'stolen');
    fail(guard, 'bob', '10.0.0.1', 'stolen');
    expect(guard.admit({ username: 'bob', address: '10.0.0.1', deviceId: 'stolen' })).toMatchObject({ ok: false, reason: 'device' });
    expect(guard.admit({ username: 'bob', address: '10.0.0.1', deviceId: 'desk' }).ok).toBe(true);
    expect(guard.admit({ username: 'bob', address: '10.0.0.1', deviceId: null })).toMatchObject({ ok: true, delayMs: 0 });
  });

  it('counts attempts still being checked, so parallel guesses neither pass the limit nor skip the delay', () => {
    const guard = new LoginGuard(LIMITS, () => 0);
    const inFlight = [0, 1, 2, 3].map((i) => guard.admit({ username: `u${i % 2}`, address: '10.0.0.1', deviceId: null }));
    expect(inFlight.map((a) => a.ok)).toEqual([true, true, true, true]);
    expect(inFlight.map((a) => (a as Admitted).delayMs)).toEqual([0, 0, 0, 0]);
    expect(guard.admit({ username: 'u9', address: '10.0.0.1', deviceId: null }).ok).toBe(false);
    for (const a of inFlight) (a as Admitted).settle(true);
    expect(guard.admit({ username: 'u9', address: '10.0.0.1', deviceId: null }).ok).toBe(true);
  });

  it('forgets an account’s failures when its owner gets in', () => {
    const guard = new LoginGuard(LIMITS, () => 0);
    for (let i = 0; i < 3; i++) fail(guard, 'bob', `10.0.0.${i}`);
    (guard.admit({ username: 'bob', address: '10.0.0.7', deviceId: null }) as Admitted).settle(true);
    expect((guard.admit({ username: 'bob', address: '10.0.0.8', deviceId: null }) as Admitted).delayMs).toBe(0);
  });
});

describe('LoginGuard shared by several instances', () => {
  it('counts the failures settled on another instance, and forgets an account on its success there', () => {
    const now = 1_000;
    const a = new LoginGuard(LIMITS, () => now);
    const b = new LoginGuard(LIMITS, () => now);
    a.shareWith((attempt) => b.replay(attempt));
    for (let i = 0; i < 4; i++) fail(a, `user${i}`, '203.0.113.9');
    expect(b.admit({ username: 'carol', address: '203.0.113.9', deviceId: null })).toMatchObject({ ok: false, reason: 'address' });
    for (let i = 0; i < 2; i++) fail(a, 'dave', `10.0.0.${i}`);
    expect((b.admit({ username: 'dave', address: '10.0.1.1', deviceId: null }) as Admitted).delayMs).toBe(1_000);
    const success = a.admit({ username: 'dave', address: '10.0.2.1', deviceId: null }) as Admitted;
    success.settle(true);
    expect((b.admit({ username: 'dave', address: '10.0.1.2', deviceId: null }) as Admitted).delayMs).toBe(0);
  });
});
