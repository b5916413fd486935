import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './loginThrottle';

describe('LoginThrottle', () => {
  it('locks a username from an address after the fifth failure, for the rest of the window', () => {
    const throttle = new LoginThrottle(5, 60_000);
    for (let i = 0; i < 4; i++) throttle.recordFailure('Alice', '10.0.0.1', 1000 + i);
    expect(throttle.retryAfter('alice', '10.0.0.1', 2000)).toBe(0);
    throttle.recordFailure('alice', '10.0.0.1', 1004);
    expect(throttle.retryAfter('alice', '10.0.0.1', 2000)).toBe(59_000);
    expect(throttle.retryAfter('alice', '10.0.0.2', 2000)).toBe(0);
    expect(throttle.retryAfter('alice', '10.0.0.1', 61_001)).toBe(0);
  });

  it('forgets failures after a successful login', () => {
    const throttle = new LoginThrottle(2, 60_000);
    throttle.recordFailure('bob', 'a', 0);
    throttle.recordSuccess('bob', 'a');
    throttle.recordFailure('bob', 'a', 1);
    expect(throttle.retryAfter('bob', 'a', 2)).toBe(0);
  });
});
