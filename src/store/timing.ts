import { performance } from "node:perf_hooks";

/** Every store call that reads or writes the database, by name. */
export type StoreOp =
  | "faq.upsert"
  | "faq.delete"
  | "faq.setPinned"
  | "feedback.vote"
  | "question.record"
  | "question.recordMany"
  | "purge"
  | "stats";

/**
 * Called after each operation with its duration in milliseconds (also when it
 * threw). Keep it cheap: it runs on the bot's only thread.
 */
export type TimingHook = (op: StoreOp, ms: number) => void;

export function timed<T>(hook: TimingHook | undefined, op: StoreOp, fn: () => T): T {
  if (!hook) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    try {
      hook(op, performance.now() - start);
    } catch {
      // A broken metrics hook must not turn a committed write into a failure.
    }
  }
}
