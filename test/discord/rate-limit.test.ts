import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/discord/rate-limit.js";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("rate limiter", () => {
  it("allows 5 answers in 20 s, then refuses and says so once", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 5, windowMs: 20_000, now: c.now });
    for (let i = 0; i < 5; i++) {
      expect(limiter.take("u").allowed).toBe(true);
      c.advance(1000);
    }
    const sixth = limiter.take("u");
    expect(sixth).toEqual({ allowed: false, notify: true, retryAfterMs: 15_000 });
    c.advance(1000);
    expect(limiter.take("u")).toEqual({ allowed: false, notify: false, retryAfterMs: 14_000 });
  });

  it("frees a slot when the oldest answer leaves the window", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 5, windowMs: 20_000, now: c.now });
    for (let i = 0; i < 5; i++) limiter.take("u");
    expect(limiter.take("u").allowed).toBe(false);
    c.advance(20_000);
    expect(limiter.take("u").allowed).toBe(true);
  });

  it("tells the user again in a later window", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, now: c.now });
    limiter.take("u");
    expect(limiter.take("u")).toMatchObject({ allowed: false, notify: true });
    c.advance(10_000);
    expect(limiter.take("u").allowed).toBe(true);
    expect(limiter.take("u")).toMatchObject({ allowed: false, notify: true });
  });

  it("keeps users apart and forgets idle ones", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("b").allowed).toBe(true);
    expect(limiter.size()).toBe(2);
    c.advance(5_000);
    limiter.sweep();
    expect(limiter.size()).toBe(0);
  });
});
