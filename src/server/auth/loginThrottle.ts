/**
 * Slows down password guessing: after `maxFailures` wrong passwords for one username from one address
 * within `windowMs`, further attempts are refused (429) until the window has passed. In memory: a
 * restart forgets, which only gives an attacker a few more tries.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly maxFailures = 5, private readonly windowMs = 15 * 60_000) {}

  /** Milliseconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfter(username: string, address: string, now = Date.now()): number {
    const recent = this.recent(this.key(username, address), now);
    if (recent.length < this.maxFailures) return 0;
    return recent[0] + this.windowMs - now;
  }

  recordFailure(username: string, address: string, now = Date.now()): void {
    const key = this.key(username, address);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(username: string, address: string): void {
    this.failures.delete(this.key(username, address));
  }

  private key(username: string, address: string): string {
    return `${username.toLowerCase()}\u0000${address}`;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
