/**
 * Per-browser limit on starting BankID orders (issue #3 "rate-limit starts per IP and per
 * session"): Express limits per IP; this limits per device cookie, so one browser behind a shared
 * kommun NAT cannot starve the others. In memory: per process, which is enough for its purpose.
 */
import { singleton } from './singleton.server';

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a hit; false when the key has used up its allowance in the window. */
  allow(key: string, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number) {
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
  }
}

export const bankIdStartLimiter = () => singleton('bankid-start-limiter', () => new SlidingWindowLimiter(10, 5 * 60_000));
