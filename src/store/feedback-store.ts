import type { Database, Statement, Transaction } from "better-sqlite3";
import type { Locale, TopicId } from "../core/types.js";
import { StoreError, wrapSqliteError } from "./errors.js";
import {
  requireId,
  requireLocale,
  requireObject,
  requireScope,
  requireTime,
  requireTopicOrNull,
} from "./input.js";
import type { HmacSecret } from "./secret.js";
import { type TimingHook, timed } from "./timing.js";

export type Vote = "up" | "down";

export interface VoteInput {
  /** The bot's answer message the buttons are on. */
  messageId: string;
  /** Discord user id of the voter: only its HMAC is stored, never the id. */
  userId: string;
  vote: Vote;
  /** The answer's topic (Reply.topic); null for a "no answer" reply. */
  topic: TopicId | null;
  locale: Locale;
  /** Defaults to now. */
  at?: number;
  /** The server the answer is in; omitted or null for a direct message. Stats are per server. */
  guildId?: string | null;
}

/**
 * new: first vote of this person on this message. changed: they flipped their
 * vote (it replaced the old one). same: they clicked the same button again
 * (nothing written).
 */
export type VoteStatus = "new" | "changed" | "same";

export interface VoteResult {
  status: VoteStatus;
  vote: Vote;
  /** The vote it replaced (changed) or repeated (same); null when new. */
  previous: Vote | null;
}

export interface VoteTally {
  up: number;
  down: number;
}

function requireVote(value: unknown): Vote {
  if (value !== "up" && value !== "down") {
    throw new StoreError("invalid-input", 'vote must be "up" or "down".');
  }
  return value;
}

/**
 * Helpful / not helpful votes, one per (answer message, voter). The voter is
 * stored as HMAC-SHA256(secret, user id) in hex, so the database alone cannot
 * tell who voted, yet a second click by the same person is recognised.
 */
export class FeedbackStore {
  readonly #file: string;
  readonly #secret: HmacSecret;
  readonly #onTiming: TimingHook | undefined;
  readonly #now: () => number;
  readonly #tally: Statement<[string], { up: number | null; down: number | null }>;
  readonly #voteTx: Transaction<
    (
      messageId: string,
      voterKey: string,
      vote: Vote,
      topic: TopicId | null,
      locale: Locale,
      at: number,
      scope: string,
    ) => VoteResult
  >;

  constructor(
    db: Database,
    file: string,
    secret: HmacSecret,
    onTiming?: TimingHook,
    now: () => number = Date.now,
  ) {
    this.#file = file;
    this.#secret = secret;
    this.#onTiming = onTiming;
    this.#now = now;
    const find = db.prepare<[string, string], { vote: Vote }>(
      "SELECT vote FROM feedback_votes WHERE message_id = ? AND voter_key = ?",
    );
    const insert = db.prepare<[string, string, Vote, TopicId | null, Locale, number, string]>(
      `INSERT INTO feedback_votes (message_id, voter_key, vote, topic, locale, at, scope)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const change = db.prepare<[Vote, TopicId | null, Locale, number, string, string]>(
      `UPDATE feedback_votes SET vote = ?, topic = ?, locale = ?, at = ?
       WHERE message_id = ? AND voter_key = ?`,
    );
    this.#tally = db.prepare(
      `SELECT sum(vote = 'up') AS up, sum(vote = 'down') AS down
       FROM feedback_votes WHERE message_id = ?`,
    );
    this.#voteTx = db.transaction(
      (
        messageId: string,
        voterKey: string,
        vote: Vote,
        topic: TopicId | null,
        locale: Locale,
        at: number,
        scope: string,
      ): VoteResult => {
        const existing = find.get(messageId, voterKey);
        if (!existing) {
          insert.run(messageId, voterKey, vote, topic, locale, at, scope);
          return { status: "new", vote, previous: null };
        }
        if (existing.vote === vote) return { status: "same", vote, previous: existing.vote };
        change.run(vote, topic, locale, at, messageId, voterKey);
        return { status: "changed", vote, previous: existing.vote };
      },
    );
  }

  /** The opaque key stored for a user id (exposed for tests and audits, never the id itself). */
  voterKey(userId: string): string {
    return this.#secret.hmacHex(requireId(userId, "userId"));
  }

  /** Records a vote; a second vote by the same person on the same message replaces the first. */
  vote(input: VoteInput): VoteResult {
    requireObject(input, "vote");
    const messageId = requireId(input.messageId, "messageId");
    const voterKey = this.voterKey(input.userId);
    const vote = requireVote(input.vote);
    const topic = requireTopicOrNull(input.topic);
    const locale = requireLocale(input.locale);
    const at = requireTime(input.at, "at", this.#now);
    const scope = requireScope(input.guildId);
    return timed(this.#onTiming, "feedback.vote", () => {
      try {
        return this.#voteTx.immediate(messageId, voterKey, vote, topic, locale, at, scope);
      } catch (err) {
        throw wrapSqliteError(err, this.#file, "Recording a vote");
      }
    });
  }

  /** Up and down votes on one answer message (e.g. to show counts on its buttons). */
  tally(messageId: string): VoteTally {
    const id = requireId(messageId, "messageId");
    try {
      const row = this.#tally.get(id);
      return { up: row?.up ?? 0, down: row?.down ?? 0 };
    } catch (err) {
      throw wrapSqliteError(err, this.#file, "Counting votes");
    }
  }
}
