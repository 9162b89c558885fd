import type { Database } from "better-sqlite3";
import { StoreError, wrapSqliteError } from "./errors.js";
import { type TimingHook, timed } from "./timing.js";

export const DEFAULT_RETENTION_DAYS = 90;
export const MAX_RETENTION_DAYS = 3650;
const DAY_MS = 86_400_000;

export interface PurgeResult {
  questions: number;
  feedback: number;
  /** Rows older than this (ms since the epoch) were deleted. */
  cutoff: number;
}

/**
 * RETENTION_DAYS from the environment (default 90). A value that is not a
 * whole number of days from 1 to 3650 stops the start with a StoreError
 * rather than silently keeping data longer or shorter than configured.
 */
export function retentionDaysFromEnv(
  env: Record<string, string | undefined> = process.env,
): number {
  const raw = env.RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_RETENTION_DAYS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_RETENTION_DAYS) {
    throw new StoreError(
      "invalid-input",
      `RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS} (got "${raw.slice(0, 20)}").`,
    );
  }
  return Number(raw);
}

export function requireRetentionDays(days: unknown): number {
  if (
    typeof days !== "number" ||
    !Number.isInteger(days) ||
    days < 0 ||
    days > MAX_RETENTION_DAYS
  ) {
    throw new StoreError(
      "invalid-input",
      `Retention must be a whole number of days from 0 to ${MAX_RETENTION_DAYS}.`,
    );
  }
  return days;
}

/**
 * Deletes questions and feedback votes recorded more than `days` days before
 * `now`, in one transaction. Uses the `at` indexes, so it is cheap to run at
 * start and then daily. FAQ records are not touched: they describe live messages.
 */
export function purgeOlderThan(
  db: Database,
  file: string,
  days: number,
  now: number = Date.now(),
  onTiming?: TimingHook,
): PurgeResult {
  const cutoff = now - requireRetentionDays(days) * DAY_MS;
  return timed(onTiming, "purge", () => {
    try {
      return db
        .transaction(() => ({
          questions: db.prepare("DELETE FROM questions WHERE at < ?").run(cutoff).changes,
          feedback: db.prepare("DELETE FROM feedback_votes WHERE at < ?").run(cutoff).changes,
          cutoff,
        }))
        .immediate();
    } catch (err) {
      throw wrapSqliteError(err, file, "Deleting old questions and votes");
    }
  });
}
