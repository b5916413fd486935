/**
 * Slows password guessing without letting a guesser lock anyone out (OWASP, "Slow Down Online
 * Guessing Attacks with Device Cookies"). A login comes either from a known device (it presents a
 * valid device token for that user, issued at an earlier successful login; deviceTokens.ts) or from
 * an unknown one:
 *
 * - **A known device** is judged on its own: five wrong passwords within the window lock that device
 *   token (a stolen token is no use for guessing), nothing else. A known device with the right
 *   password always gets in, whatever others have tried against the account or from its address.
 * - **An unknown device** is limited by its address and slowed per account:
 *   - an address with `addressFailures` wrong passwords within the window (over all usernames) is
 *     refused (429) for the rest of the window: the guesser's own address, which behind a reverse
 *     proxy is the client's once the proxy is trusted (`--trust-proxy`);
 *   - an account with more than `accountFreeFailures` wrong passwords from unknown devices within the
 *     window is slowed, never blocked: each further attempt waits 1 s, 2 s, 4 s … up to
 *     `maxDelayMs` before its password is checked, so the owner on a new device still gets in.
 *
 * Attempts still being checked count as failures until they settle, so parallel guesses neither
 * slip past the address limit nor skip the delay. In memory: a restart forgets, which only gives a
 * guesser a few more tries. Several instances share their counts: each settled attempt is told to
 * the others (`shareWith`), which `replay` it, so a guesser spread over the instances is counted once.
 */

export interface GuardLimits {
  windowMs: number;
  addressFailures: number;
  deviceFailures: number;
  accountFreeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  windowMs: 15 * 60_000,
  addressFailures: 20,
  deviceFailures: 5,
  accountFreeFailures: 5,
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
};

export interface LoginAttempt {
  username: string;
  /** The client's address (`request.ip`). */
  address: string;
  /** The id of a valid device token presented for this username, or null. */
  deviceId: string | null;
}

/** An admitted attempt: wait `delayMs`, check the password, then `settle` with the outcome. */
export interface Admitted { ok: true; delayMs: number; settle(success: boolean): void }
/** A refused attempt: the password is not checked; try again in `retryAfterMs`. */
export interface Refused { ok: false; reason: 'address' | 'device'; retryAfterMs: number }

const MAX_KEYS = 100_000;

/** A settled attempt as the other instances hear of it: the keys it counted against, and those a success forgets. */
export interface SettledAttempt { keys: string[]; forget: string[]; success: boolean; at: number }

export class LoginGuard {
  private readonly failures = new Map<string, number[]>();
  private readonly pending = new Map<string, number>();
  private share: ((attempt: SettledAttempt) => void) | null = null;

  constructor(private readonly limits: GuardLimits = DEFAULT_GUARD_LIMITS, private readonly clock: () => number = Date.now) {}

  /** Decides whether an attempt may check its password now, after a delay, or not at all. */
  admit(attempt: LoginAttempt): Admitted | Refused {
    const now = this.clock();
    this.prune(now);
    if (attempt.deviceId) {
      const device = `device:${attempt.deviceId}`;
      const count = this.count(device, now);
      if (count >= this.limits.deviceFailures) return this.refuse('device', device, now);
      return this.start([device], [device], 0);
    }
    const address = `address:${attempt.address}`;
    if (this.count(address, now) >= this.limits.addressFailures) return this.refuse('address', address, now);
    const account = `account:${attempt.username.toLowerCase()}`;
    const over = this.count(account, now) - this.limits.accountFreeFailures;
    const delayMs = over < 0 ? 0 : Math.min(this.limits.firstDelayMs * 2 ** over, this.limits.maxDelayMs);
    // A success forgets the account's failures (its owner is back), never the address's.
    return this.start([address, account], [account], delayMs);
  }

  /** Several instances: `publish` hears every attempt settled here (for the others' `replay`). */
  shareWith(publish: (attempt: SettledAttempt) => void): void {
    this.share = publish;
  }

  /** Counts an attempt settled on another instance as if it had been settled here. */
  replay(attempt: SettledAttempt): void {
    this.prune(this.clock());
    this.record(attempt);
  }

  private record({ keys, forget, success, at }: SettledAttempt): void {
    if (!success) for (const key of keys) this.failures.set(key, [...this.recent(key, at), at]);
    if (success) for (const key of forget) this.failures.delete(key);
  }

  private start(keys: string[], forgetOnSuccess: string[], delayMs: number): Admitted {
    for (const key of keys) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    let settled = false;
    return {
      ok: true,
      delayMs,
      settle: (success) => {
        if (settled) return;
        settled = true;
        const now = this.clock();
        for (const key of keys) {
          const left = (this.pending.get(key) ?? 1) - 1;
          if (left > 0) this.pending.set(key, left); else this.pending.delete(key);
        }
        const attempt = { keys, forget: forgetOnSuccess, success, at: now };
        this.record(attempt);
        this.share?.(attempt);
      },
    };
  }

  private refuse(reason: Refused['reason'], key: string, now: number): Refused {
    const recent = this.recent(key, now);
    const retryAfterMs = recent.length > 0 ? recent[0] + this.limits.windowMs - now : this.limits.windowMs;
    return { ok: false, reason, retryAfterMs: Math.max(retryAfterMs, 1_000) };
  }

  private count(key: string, now: number): number {
    return this.recent(key, now).length + (this.pending.get(key) ?? 0);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
  }

  /** Keeps memory bounded when guessers invent usernames: expired entries go, then the oldest. */
  private prune(now: number): void {
    if (this.failures.size < MAX_KEYS) return;
    for (const [key, times] of this.failures) if (times.every((t) => now - t >= this.limits.windowMs)) this.failures.delete(key);
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_KEYS / 2) break;
      this.failures.delete(key);
    }
  }
}
