import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './start-limit.server';

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits per window and per key, then refuses until the window slides', () => {
    const l = new SlidingWindowLimiter(2, 1000);
    expect([l.allow('a', 0), l.allow('a', 10), l.allow('a', 20), l.allow('b', 20)]).toEqual([true, true, false, true]);
    expect(l.allow('a', 1001)).toBe(true); // the first hit has left the window
  });
});
