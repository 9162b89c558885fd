/**
 * Per-user answer budget: at most `limit` answers in any `windowMs`. Pure apart from the clock,
 * which is injected so tests can move time.
 */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export type RateDecision =
  | { allowed: true }
  /** `notify` is true only for the first refusal in a window, so the notice is said once. */
  | { allowed: false; notify: boolean; retryAfterMs: number };

export interface RateLimiter {
  take(userId: string): RateDecision;
  /** Forgets users whose window has passed, so memory stays bounded. */
  sweep(): void;
  size(): number;
}

interface UserState {
  /** Times of the answers in the current window, oldest first. */
  hits: number[];
  /** End of the window in which the user was last told they are limited. */
  notifiedUntil: number;
}

export const DEFAULT_RATE_LIMIT = { limit: 5, windowMs: 20_000 } as const;

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const users = new Map<string, UserState>();
  let calls = 0;

  function sweep(): void {
    const t = now();
    for (const [id, state] of users) {
      const last = state.hits[state.hits.length - 1] ?? 0;
      if (t - last >= options.windowMs && t >= state.notifiedUntil) users.delete(id);
    }
  }

  return {
    take(userId) {
      const t = now();
      if (++calls % 1000 === 0) sweep();
      const state = users.get(userId) ?? { hits: [], notifiedUntil: 0 };
      users.set(userId, state);
      while (state.hits.length > 0 && t - (state.hits[0] ?? 0) >= options.windowMs) {
        state.hits.shift();
      }
      if (state.hits.length < options.limit) {
        state.hits.push(t);
        return { allowed: true };
      }
      const freeAt = (state.hits[0] ?? t) + options.windowMs;
      const notify = t >= state.notifiedUntil;
      if (notify) state.notifiedUntil = freeAt;
      return { allowed: false, notify, retryAfterMs: Math.max(0, freeAt - t) };
    },
    sweep,
    size: () => users.size,
  };
}
