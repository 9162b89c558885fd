/**
 * Persistence for the moderators' features: pinned FAQ messages, feedback
 * votes and asked questions, in DATA_DIR/policybot.sqlite. No discord.js here.
 *
 *   const store = openStore({ dataDir: resolveDataDir(), logger });
 *   store.purgeOlderThan(); // at start; store.scheduleDailyPurge() for the rest
 *   store.feedback.vote({ messageId, userId, vote: "up", topic, locale: "fr" });
 *   store.close();
 *
 * Every call is synchronous (better-sqlite3) and throws only StoreError.
 */
import path from "node:path";
import type { Database } from "better-sqlite3";
import {
  type OpenDatabaseOptions,
  openDatabase,
  resolveDataDir,
  type StoreLogger,
} from "./database.js";
import { FaqStore } from "./faq-store.js";
import { FeedbackStore } from "./feedback-store.js";
import type { MigrationResult } from "./migrations.js";
import { QuestionStore } from "./question-store.js";
import {
  DEFAULT_RETENTION_DAYS,
  type PurgeResult,
  purgeOlderThan,
  requireRetentionDays,
} from "./retention.js";
import { loadOrCreateSecret } from "./secret.js";
import { computeStats, type FaqStats, type StatsOptions } from "./stats.js";
import type { TimingHook } from "./timing.js";

export interface OpenStoreOptions extends Omit<OpenDatabaseOptions, "dataDir"> {
  /** Defaults to resolveDataDir(): $DATA_DIR, else ./data. */
  dataDir?: string;
  /** Days questions and votes are kept (default 90; see retentionDaysFromEnv). */
  retentionDays?: number;
  /** Called with each operation's duration in ms, for latency metrics. */
  onTiming?: TimingHook;
  /**
   * WAL checkpoints (copying the log into the database, with an fsync) are
   * the only slow writes: left to SQLite they land on whichever vote crosses
   * 1,000 pages, about one write in a hundred. With an interval (default
   * 5000 ms) a passive checkpoint runs on an unref'd timer instead, and
   * SQLite's own threshold is raised to 10,000 pages (~40 MB) as a backstop
   * for long bursts. 0 keeps SQLite's default behaviour and no timer.
   */
  checkpointIntervalMs?: number;
  /** Clock for tests; defaults to Date.now. */
  now?: () => number;
}

export interface Store {
  readonly file: string;
  readonly dataDir: string;
  readonly retentionDays: number;
  /** What opening did to the schema (from/to version, migrations applied). */
  readonly migration: MigrationResult;
  /** True when secret.key was made by this open (first start). */
  readonly secretCreated: boolean;
  readonly faq: FaqStore;
  readonly feedback: FeedbackStore;
  readonly questions: QuestionStore;
  /** Aggregates for /faq stats. */
  stats(options?: StatsOptions): FaqStats;
  /** Deletes questions and votes older than `days` (default: retentionDays). */
  purgeOlderThan(days?: number, now?: number): PurgeResult;
  /**
   * Purges now and then every `intervalMs` (default 24 h) on an unref'd timer;
   * failures go to the logger. Returns a function that stops it.
   */
  scheduleDailyPurge(intervalMs?: number): () => void;
  /** Runs a passive WAL checkpoint now (e.g. when the bot is idle); never waits for readers. */
  checkpoint(): void;
  /** The raw connection, for diagnostics only: write through the stores. */
  readonly db: Database;
  close(): void;
}

const DAY_MS = 86_400_000;

/** Opens the database and secret under `dataDir` and returns the stores over them. */
export function openStore(options: OpenStoreOptions = {}): Store {
  const retentionDays = requireRetentionDays(options.retentionDays ?? DEFAULT_RETENTION_DAYS);
  const now = options.now ?? Date.now;
  const dataDir = path.resolve(options.dataDir ?? resolveDataDir());
  const { db, file, migration } = openDatabase({ ...options, dataDir });
  let secretCreated: boolean;
  let faq: FaqStore;
  let feedback: FeedbackStore;
  let questions: QuestionStore;
  try {
    const loaded = loadOrCreateSecret(dataDir, options.logger);
    secretCreated = loaded.created;
    faq = new FaqStore(db, file, options.onTiming, now);
    feedback = new FeedbackStore(db, file, loaded.secret, options.onTiming, now);
    questions = new QuestionStore(db, file, options.onTiming, now, (err, count) =>
      options.logger?.warn(
        { err, questions: count },
        "store: could not record questions for stats",
      ),
    );
  } catch (err) {
    db.close();
    throw err;
  }
  const logger: StoreLogger | undefined = options.logger;
  const timers = new Set<NodeJS.Timeout>();
  const checkpoint = () => {
    try {
      db.pragma("wal_checkpoint(PASSIVE)");
    } catch (err) {
      logger?.warn({ err, file }, "store: WAL checkpoint failed; SQLite will retry");
    }
  };
  const checkpointIntervalMs = Math.max(0, Math.trunc(options.checkpointIntervalMs ?? 5000));
  if (checkpointIntervalMs > 0) {
    db.pragma("wal_autocheckpoint = 10000");
    const timer = setInterval(checkpoint, Math.max(100, checkpointIntervalMs));
    timer.unref();
    timers.add(timer);
  }

  const purge = (days = retentionDays, at = now()): PurgeResult =>
    purgeOlderThan(db, file, days, at, options.onTiming);

  return {
    file,
    dataDir,
    retentionDays,
    migration,
    secretCreated,
    faq,
    feedback,
    questions,
    db,
    stats: (statsOptions = {}) => {
      questions.flush();
      return computeStats(db, file, { now: now(), ...statsOptions }, options.onTiming);
    },
    purgeOlderThan: purge,
    scheduleDailyPurge(intervalMs = DAY_MS) {
      const run = () => {
        try {
          const result = purge();
          logger?.info({ ...result, retentionDays }, "store: purged old questions and votes");
        } catch (err) {
          logger?.warn({ err }, "store: purge failed; will retry at the next interval");
        }
      };
      run();
      const timer = setInterval(run, Math.max(1000, intervalMs));
      timer.unref();
      timers.add(timer);
      return () => {
        clearInterval(timer);
        timers.delete(timer);
      };
    },
    checkpoint,
    close() {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      if (!db.open) return;
      questions.flush();
      db.close();
    },
  };
}

export {
  DB_FILE_NAME,
  DEFAULT_DATA_DIR,
  ensureDataDir,
  type OpenDatabaseOptions,
  type OpenedDatabase,
  openDatabase,
  resolveDataDir,
  type StoreLogger,
} from "./database.js";
export { isStoreError, StoreError, type StoreErrorCode } from "./errors.js";
export {
  type FaqRecord,
  FaqStore,
  type UpsertFaqInput,
  type UpsertFaqResult,
} from "./faq-store.js";
export {
  FeedbackStore,
  type Vote,
  type VoteInput,
  type VoteResult,
  type VoteStatus,
  type VoteTally,
} from "./feedback-store.js";
export {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
  type MigrationResult,
} from "./migrations.js";
export * from "./permissions.js";
export {
  normalizeQuestion,
  type QuestionInput,
  QuestionStore,
  type RecordedQuestion,
  scrubQuestion,
} from "./question-store.js";
export { DEFAULT_RETENTION_DAYS, type PurgeResult, retentionDaysFromEnv } from "./retention.js";
export {
  HmacSecret,
  type LoadedSecret,
  loadOrCreateSecret,
  SECRET_BYTES,
  SECRET_FILE_NAME,
} from "./secret.js";
export {
  DEFAULT_STATS_DAYS,
  DEFAULT_STATS_TOP,
  type FaqStats,
  type Helpfulness,
  type StatsOptions,
  type TopicCount,
  type UnansweredQuestion,
} from "./stats.js";
export type { StoreOp, TimingHook } from "./timing.js";
