import type { Database } from "better-sqlite3";
import type { Locale, TopicId } from "../core/types.js";
import { wrapSqliteError } from "./errors.js";
import { type TimingHook, timed } from "./timing.js";

export const DEFAULT_STATS_DAYS = 30;
export const DEFAULT_STATS_TOP = 10;
const MAX_STATS_DAYS = 3650;
const MAX_STATS_TOP = 25;
const DAY_MS = 86_400_000;

export interface StatsOptions {
  /** Window in days ending at `now`; clamped to 1..3650, default 30. */
  days?: number;
  /** How many frequent unanswered questions to return; clamped to 1..25 (an embed's field count), default 10. */
  top?: number;
  now?: number;
  /**
   * Only what was asked and voted in this server. Omitted: every server and direct message,
   * for the operator; /faq always passes its server.
   */
  guildId?: string;
}

export interface TopicCount {
  /** null: questions no topic matched. */
  topic: TopicId | null;
  count: number;
}

export interface UnansweredQuestion {
  /** The normalized text shared by the grouped questions. */
  text: string;
  count: number;
  locales: Locale[];
  /** Most recent time it was asked (ms since the epoch). */
  lastAt: number;
}

export interface Helpfulness {
  topic: TopicId | null;
  up: number;
  down: number;
  /** up / (up + down), or null without votes. */
  ratio: number | null;
}

/** Plain data for /faq stats; no user ids exist to be shown. */
export interface FaqStats {
  days: number;
  since: number;
  until: number;
  questions: { total: number; answered: number; unanswered: number };
  /** Most asked first, then by topic id. */
  perTopic: TopicCount[];
  /** Most frequent first, ties by most recent. */
  topUnanswered: UnansweredQuestion[];
  /** By number of votes, most first. */
  helpfulness: Helpfulness[];
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** Aggregates the last `days` days in SQL; three indexed queries, one read snapshot. */
export function computeStats(
  db: Database,
  file: string,
  options: StatsOptions = {},
  onTiming?: TimingHook,
): FaqStats {
  const days = clampInt(options.days, 1, MAX_STATS_DAYS, DEFAULT_STATS_DAYS);
  const top = clampInt(options.top, 1, MAX_STATS_TOP, DEFAULT_STATS_TOP);
  const until = clampInt(options.now, 0, Number.MAX_SAFE_INTEGER, Date.now());
  const since = until - days * DAY_MS;
  // The scope test is on every query; without a server it matches every row.
  const scope = typeof options.guildId === "string" ? options.guildId : null;
  const inScope = "(? IS NULL OR scope = ?)";

  return timed(onTiming, "stats", () => {
    try {
      // A deferred transaction gives all three queries the same WAL snapshot.
      return db.transaction((): FaqStats => {
        const totals = db
          .prepare<
            [number, number, string | null, string | null],
            { total: number; answered: number | null }
          >(
            `SELECT count(*) AS total, sum(answered) AS answered
             FROM questions WHERE at >= ? AND at <= ? AND ${inScope}`,
          )
          .get(since, until, scope, scope) ?? { total: 0, answered: 0 };
        const perTopic = db
          .prepare<[number, number, string | null, string | null], TopicCount>(
            `SELECT topic, count(*) AS count FROM questions WHERE at >= ? AND at <= ? AND ${inScope}
             GROUP BY topic ORDER BY count DESC, topic IS NULL, topic`,
          )
          .all(since, until, scope, scope);
        const unanswered = db
          .prepare<
            [number, number, string | null, string | null, number],
            { text: string; count: number; locales: string; lastAt: number }
          >(
            `SELECT normalized AS text, count(*) AS count,
                    group_concat(DISTINCT locale) AS locales, max(at) AS lastAt
             FROM questions WHERE answered = 0 AND at >= ? AND at <= ? AND ${inScope}
             GROUP BY normalized ORDER BY count DESC, lastAt DESC, normalized LIMIT ?`,
          )
          .all(since, until, scope, scope, top);
        const helpfulness = db
          .prepare<[number, number, string | null, string | null], Helpfulness>(
            `SELECT topic, up, down,
                    CASE WHEN up + down = 0 THEN NULL ELSE CAST(up AS REAL) / (up + down) END AS ratio
             FROM (SELECT topic, sum(vote = 'up') AS up, sum(vote = 'down') AS down
                   FROM feedback_votes WHERE at >= ? AND at <= ? AND ${inScope} GROUP BY topic)
             ORDER BY up + down DESC, topic IS NULL, topic`,
          )
          .all(since, until, scope, scope);
        const answered = totals.answered ?? 0;
        return {
          days,
          since,
          until,
          questions: { total: totals.total, answered, unanswered: totals.total - answered },
          perTopic,
          topUnanswered: unanswered.map((row) => ({
            text: row.text,
            count: row.count,
            locales: row.locales.split(",").sort() as Locale[],
            lastAt: row.lastAt,
          })),
          helpfulness,
        };
      })();
    } catch (err) {
      throw wrapSqliteError(err, file, "Computing stats");
    }
  });
}
